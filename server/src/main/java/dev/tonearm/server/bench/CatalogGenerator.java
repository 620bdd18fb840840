package dev.tonearm.server.bench;

import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackStatus;
import dev.tonearm.catalog.Visibility;
import dev.tonearm.server.auth.DevIssuer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic catalog drawn from a {@link Vocabulary}. Track {@code i} is a pure function of the seed and
 * {@code i}, so threads can generate disjoint ranges in parallel and a seed always gives the same catalog.
 * Artists are drawn by fame (Zipf over the vocabulary's order); each artist has a genre, a few albums and the
 * years those came out, so facets look like a real catalog's. A title is a real one or a few real title words;
 * some tracks credit a second artist; a few are private to one of the {@link #USERS} bench users.
 */
public final class CatalogGenerator {
  public static final long SEED = 42;
  /** The bench users: they own the private tracks and carry the tokens of the load. */
  public static final int USERS = 8;
  static final double PRIVATE_SHARE = 0.02;
  static final double FEATURING_SHARE = 0.06;
  static final double REAL_TITLE_SHARE = 0.35;
  static final int MAX_ALBUMS_PER_ARTIST = 8;
  private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

  private final Vocabulary vocab;
  private final long seed;
  private final Zipf artistFame;
  private final List<String> owners = new ArrayList<>();

  public CatalogGenerator(Vocabulary vocab, long seed) {
    this.vocab = vocab;
    this.seed = seed;
    this.artistFame = new Zipf(vocab.artists().size(), 1.0, 20);
    for (int u = 0; u < USERS; u++) {
      owners.add(DevIssuer.subjectFor(username(u)));
    }
  }

  public static String username(int user) {
    return "bench-user-" + user;
  }

  public Vocabulary vocabulary() {
    return vocab;
  }

  Zipf artistFame() {
    return artistFame;
  }

  /** Track {@code i} of the catalog. */
  public Track track(long i) {
    SplittableRandom r = random(seed, i);
    int artistRank = artistFame.next(r);
    SplittableRandom artistTraits = random(seed ^ 0xA57157L, artistRank);
    String artist = vocab.artists().get(artistRank);
    String genre = pick(artistTraits, vocab.genres());
    int albums = 1 + artistTraits.nextInt(MAX_ALBUMS_PER_ARTIST);
    int albumNo = r.nextInt(albums);
    SplittableRandom albumTraits = random(seed ^ ((long) artistRank << 20), albumNo);
    String album = albumTraits.nextBoolean() ? pick(albumTraits, vocab.albums()) : words(albumTraits, 1 + albumTraits.nextInt(3));
    int year = vocab.years()[albumTraits.nextInt(vocab.years().length)];
    List<String> genres = albumTraits.nextDouble() < 0.15 ? List.of(genre, pick(albumTraits, vocab.genres())).stream()
        .distinct().toList() : List.of(genre);
    List<String> artists = r.nextDouble() < FEATURING_SHARE
        ? List.of(artist, vocab.artists().get(artistFame.next(r))).stream().distinct().toList() : List.of(artist);
    String credit = artists.size() == 1 ? artist : artists.get(0) + " feat. " + artists.get(1);
    String title = r.nextDouble() < REAL_TITLE_SHARE ? pick(r, vocab.titles()) : words(r, wordCount(r));
    boolean privateTrack = r.nextDouble() < PRIVATE_SHARE;
    Instant created = EPOCH.plusSeconds(i);
    return new Track(String.format("bench-%08d", i), title, artists, credit, album, artist, genres, year,
        120_000L + r.nextInt(300_000), 1 + albumNo, 1, null, owners.get((int) (i % USERS)),
        privateTrack ? Visibility.PRIVATE : Visibility.PUBLIC, null, null, TrackStatus.METADATA_ONLY, created,
        created, 1, Rating.NONE, null);
  }

  /**
   * How popular track {@code i} is: its artist's fame times a heavy-tailed (Pareto, α = 1.2) draw of its own, so
   * a few tracks of famous artists dominate.
   */
  public float popularity(long i) {
    SplittableRandom r = random(seed ^ 0x9091L, i);
    double own = Math.pow(1 - r.nextDouble(), -1 / 1.2);
    return (float) (own * 1000 * artistFame.share(artistFame.next(random(seed, i))));
  }

  private String words(SplittableRandom r, int count) {
    StringBuilder text = new StringBuilder();
    for (int w = 0; w < count; w++) {
      text.append(w == 0 ? "" : " ").append(pick(r, vocab.words()));
    }
    return text.toString();
  }

  /** Generated titles run one to four words, two the most common. */
  private static int wordCount(SplittableRandom r) {
    double u = r.nextDouble();
    return u < 0.25 ? 1 : u < 0.6 ? 2 : u < 0.85 ? 3 : 4;
  }

  static <T> T pick(SplittableRandom r, List<T> pool) {
    return pool.get(r.nextInt(pool.size()));
  }

  /** An independent stream per (seed, index): the index is mixed in so neighbours do not correlate. */
  static SplittableRandom random(long seed, long index) {
    return new SplittableRandom(mix(seed ^ mix(index + 0x9E3779B97F4A7C15L)));
  }

  /** MurmurHash3's 64-bit finalizer: every input bit flips about half the output bits. */
  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }
}
