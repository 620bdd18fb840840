package dev.tonearm.indexer;

import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackStatus;
import dev.tonearm.catalog.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Named tracks that carry the hard cases, each with a popularity, plus decoys that expose ranking mistakes: a
 * more popular "Halo", an unaccented "Hoppipolla", a fuzzy "Hallo", a more popular "Beatles Tribute Band", an
 * obscure title "Lady" that a popular Lady Gaga track should beat while "lady" is being typed.
 * Hits are compared as {@code "Title · Artist"} labels.
 */
final class MusicFixtures {

  private static final Map<String, Float> POPULARITY = new HashMap<>();
  private static final List<Track> ALL = new ArrayList<>();

  // Diacritics
  static final Track BEYONCE_HALO = track(80, "Halo", "Beyoncé", "I Am... Sasha Fierce", 2008, "Pop", "R&B");
  static final Track DEPECHE_MODE_HALO = track(90, "Halo", "Depeche Mode", "Violator", 1990, "Synth-pop");
  static final Track LEON_BRIDGES_BEYOND = track(30, "Beyond", "Leon Bridges", "Good Thing", 2018, "Soul");
  static final Track MOTORHEAD = track(70, "Ace of Spades", "Motörhead", "Ace of Spades", 1980, "Heavy Metal");
  static final Track DODHEIMSGARD =
      track(5, "God Protocol Axiom", "Dødheimsgard", "A Umbra Omega", 2015, "Black Metal");
  static final Track SIGUR_ROS = track(60, "Hoppípolla", "Sigur Rós", "Takk...", 2005, "Post-rock");
  static final Track HOPPIPOLLA_LULLABY =
      track(75, "Hoppipolla", "Piano Lullabies", "Lullaby Renditions", 2012, "Lullaby");
  static final Track STRASSE = track(10, "Straße", "Die Ampelmänner", "Grüne Welle", 2019, "Schlager");
  static final Track PAWEL = track(10, "Audiofeeling", "Paweł Kaczmarczyk", "Audiofeeling", 2007, "Jazz");
  static final Track OEUVRE = track(15, "Œuvre pour piano", "Camille Saint-Saëns", "Intégrale", 1995, "Classical");

  // Punctuation
  static final Track THUNDERSTRUCK = track(85, "Thunderstruck", "AC/DC", "The Razors Edge", 1990, "Hard Rock");
  static final Track TNT = track(60, "T.N.T.", "AC/DC", "High Voltage", 1976, "Hard Rock");
  static final Track PINK_SO_WHAT = track(65, "So What", "P!nk", "Funhouse", 2008, "Pop");
  static final Track PINK_FLOYD =
      track(90, "Wish You Were Here", "Pink Floyd", "Wish You Were Here", 1975, "Progressive Rock");
  static final Track REM = track(75, "Losing My Religion", "R.E.M.", "Out of Time", 1991, "Alternative Rock");
  static final Track RAM_ON = track(20, "Ram On", "Paul McCartney", "Ram", 1971, "Rock");
  static final Track KESHA = track(70, "TiK ToK", "Ke$ha", "Animal", 2009, "Pop");
  static final Track ALT_J = track(55, "Breezeblocks", "alt\u2010J", "An Awesome Wave", 2012, "Indie Rock");
  static final Track GUNS_N_ROSES =
      track(85, "Sweet Child o' Mine", "Guns N\u2019 Roses", "Appetite for Destruction", 1987, "Hard Rock");
  static final Track SUGARCANE = track(35, "Sugarcane", "Missy Higgins", "On a Clear Night", 2007, "Pop");
  static final Track MAROON_5_SUGAR = track(90, "Sugar", "Maroon 5", "V", 2014, "Pop");

  // Articles
  static final Track HEY_JUDE = track(95, "Hey Jude", "The Beatles", "Hey Jude", 1968, "Rock");
  static final Track TRIBUTE = track(99, "Let It Be (Live)", "Beatles Tribute Band", "Live!", 2010, "Rock");

  // Typos and ranking classes
  static final Track HALLO_SPACEBOY = track(94, "Hallo Spaceboy", "David Bowie", "Outside", 1995, "Rock");
  static final Track HALOGEN = track(1, "Halogen", "The Noble Gases", "Periodic", 2020, "Indie");

  // A short word being typed: the start of a popular name, or an obscure whole title?
  static final Track LADY_GAGA = track(85, "Poker Face", "Lady Gaga", "The Fame", 2008, "Pop");
  static final Track OBSCURE_LADY = track(20, "Lady", "Night Porters", "Late Shift", 2011, "Indie");

  // Aliases
  static final Track CALIFORNIA_LOVE = track(80, "California Love", "2Pac feat. Dr. Dre & Roger Troutman",
      List.of("2Pac", "Dr. Dre", "Roger Troutman"), "All Eyez on Me", 1995, "Hip Hop");

  // Featured artists
  static final Track GET_LUCKY = track(90, "Get Lucky", "Daft Punk feat. Pharrell Williams",
      List.of("Daft Punk", "Pharrell Williams"), "Random Access Memories", 2013, "Disco", "Electronic");
  static final Track CAME_FOR = track(70, "This Is What You Came For", "Calvin Harris ft. Rihanna",
      List.of("Calvin Harris"), "This Is What You Came For", 2016, "Electronic");
  static final Track LEAN_ON = track(75, "Lean On", "Major Lazer x DJ Snake & MØ",
      List.of("Major Lazer"), "Peace Is the Mission", 2015, "Electronic");
  static final Track UNDER_PRESSURE = track(85, "Under Pressure", "Queen, David Bowie", List.of("Queen"),
      "Hot Space", 1982, "Rock");
  static final Track GREAT_SPIRIT = track(30, "Great Spirit", "Armin van Buuren vs. Vini Vici featuring Hilight Tribe",
      List.of("Armin van Buuren"), "Great Spirit", 2016, "Trance");

  // Scripts
  static final Track KINO = track(50, "Группа крови", "Кино", "Группа крови", 1988, "Post-punk");
  static final Track ZEMFIRA = track(40, "Искала", "Земфира", "Земфира", 1999, "Rock");
  static final Track ZORBA = track(45, "Zorba", "Μίκης Θεοδωράκης", "Zorba the Greek", 1964, "Soundtrack");
  static final Track TOKYO_JIHEN = track(40, "群青日和", "東京事変", "教育", 2004, "J-Rock");
  static final Track YORU_NI_KAKERU = track(70, "夜に駆ける", "YOASOBI", "THE BOOK", 2021, "J-Pop");
  static final Track IDOL = track(75, "アイドル", "YOASOBI", "アイドル", 2023, "J-Pop");

  // Visibility: Alice's private upload
  static final Track ALICE_DEMO = add(0, new Track("alice-demo", "Demo Tape", List.of("Bedroom Producer"), null,
      null, null, List.of("Lo-fi"), 2024, 61_000L, null, null, "demo.flac", "alice", Visibility.PRIVATE, null,
      null, TrackStatus.READY, Instant.parse("2024-05-01T00:00:00Z"), null, 1, Rating.NONE, null));

  private MusicFixtures() {}

  static List<Track> all() {
    return List.copyOf(ALL);
  }

  /** The fixture's popularity; 0 for tracks that are not fixtures. */
  static float popularity(Track track) {
    return POPULARITY.getOrDefault(track.id(), 0f);
  }

  /** How a hit is shown in assertions. */
  static String label(Track track) {
    return track.title() + " · " + track.artist();
  }

  private static Track track(float popularity, String title, String artist, String album, int year,
      String... genres) {
    return track(popularity, title, artist, List.of(artist), album, year, genres);
  }

  private static Track track(float popularity, String title, String credit, List<String> artists, String album,
      int year, String... genres) {
    String id = (credit + "-" + title).toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", "-");
    return add(popularity, new Track(id, title, artists, credit, album, null, List.of(genres), year, 200_000L, 1,
        1, null, "label", Visibility.PUBLIC, null, null, TrackStatus.METADATA_ONLY,
        Instant.parse("2020-01-01T00:00:00Z").plusSeconds(ALL.size()), null, 1, Rating.NONE, null));
  }

  private static Track add(float popularity, Track track) {
    POPULARITY.put(track.id(), popularity);
    ALL.add(track);
    return track;
  }
}
