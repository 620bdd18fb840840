package dev.tonearm.ingest.tags;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical tag names both readers map onto, so that one interpreter turns either reader's values into
 * track fields. {@link #canonical} also knows the spellings ffprobe reports for Vorbis comments, ID3v2 frames
 * (TXXX descriptions included), MP4 atoms, APE and ASF tags.
 */
public final class TagNames {
  public static final String TITLE = "title";
  public static final String ARTIST = "artist";
  public static final String ARTISTS = "artists";
  public static final String ALBUM = "album";
  public static final String ALBUM_ARTIST = "albumartist";
  public static final String GENRE = "genre";
  public static final String DATE = "date";
  public static final String TRACK = "track";
  public static final String TRACK_TOTAL = "tracktotal";
  public static final String DISC = "disc";
  public static final String DISC_TOTAL = "disctotal";
  public static final String COMPILATION = "compilation";
  public static final String MB_RECORDING = "musicbrainz:recording";
  public static final String MB_TRACK = "musicbrainz:track";
  public static final String MB_RELEASE = "musicbrainz:release";
  public static final String MB_RELEASE_GROUP = "musicbrainz:releaseGroup";
  public static final String MB_ARTIST = "musicbrainz:artist";
  public static final String MB_ALBUM_ARTIST = "musicbrainz:albumArtist";
  public static final String RG_TRACK_GAIN = "replaygain:trackGain";
  public static final String RG_TRACK_PEAK = "replaygain:trackPeak";
  public static final String RG_ALBUM_GAIN = "replaygain:albumGain";
  public static final String RG_ALBUM_PEAK = "replaygain:albumPeak";
  public static final String LYRICS = "lyrics";

  /** MusicBrainz id kinds as stored in {@code TrackTags.musicBrainzIds}, by canonical name. */
  public static final Map<String, String> MUSICBRAINZ_KINDS = Map.of(MB_RECORDING, "recording", MB_TRACK, "track",
      MB_RELEASE, "release", MB_RELEASE_GROUP, "releaseGroup", MB_ARTIST, "artist", MB_ALBUM_ARTIST, "albumArtist");

  /** Names as ffprobe reports them, reduced to lower-case letters and digits. */
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("title", TITLE), Map.entry("artist", ARTIST), Map.entry("artists", ARTISTS),
      Map.entry("album", ALBUM), Map.entry("albumartist", ALBUM_ARTIST), Map.entry("genre", GENRE),
      Map.entry("date", DATE), Map.entry("year", DATE), Map.entry("wmyear", DATE),
      Map.entry("track", TRACK), Map.entry("tracknumber", TRACK), Map.entry("wmtracknumber", TRACK),
      Map.entry("tracktotal", TRACK_TOTAL), Map.entry("totaltracks", TRACK_TOTAL),
      Map.entry("disc", DISC), Map.entry("discnumber", DISC), Map.entry("partofaset", DISC),
      Map.entry("wmpartofset", DISC), Map.entry("disctotal", DISC_TOTAL), Map.entry("totaldiscs", DISC_TOTAL),
      Map.entry("compilation", COMPILATION), Map.entry("tcmp", COMPILATION), Map.entry("cpil", COMPILATION),
      Map.entry("musicbrainztrackid", MB_RECORDING), Map.entry("musicbrainzrecordingid", MB_RECORDING),
      Map.entry("musicbrainzreleasetrackid", MB_TRACK), Map.entry("musicbrainzalbumid", MB_RELEASE),
      Map.entry("musicbrainzreleasegroupid", MB_RELEASE_GROUP), Map.entry("musicbrainzartistid", MB_ARTIST),
      Map.entry("musicbrainzalbumartistid", MB_ALBUM_ARTIST),
      Map.entry("replaygaintrackgain", RG_TRACK_GAIN), Map.entry("replaygaintrackpeak", RG_TRACK_PEAK),
      Map.entry("replaygainalbumgain", RG_ALBUM_GAIN), Map.entry("replaygainalbumpeak", RG_ALBUM_PEAK),
      Map.entry("lyrics", LYRICS), Map.entry("unsyncedlyrics", LYRICS), Map.entry("uslt", LYRICS));

  /** Every canonical name, in the order the interpreter reads them. */
  public static final List<String> ALL = List.of(TITLE, ARTIST, ARTISTS, ALBUM, ALBUM_ARTIST, GENRE, DATE, TRACK,
      TRACK_TOTAL, DISC, DISC_TOTAL, COMPILATION, MB_RECORDING, MB_TRACK, MB_RELEASE, MB_RELEASE_GROUP, MB_ARTIST,
      MB_ALBUM_ARTIST, RG_TRACK_GAIN, RG_TRACK_PEAK, RG_ALBUM_GAIN, RG_ALBUM_PEAK, LYRICS);

  private TagNames() {}

  /** The canonical name of a tag as ffprobe spells it ({@code ALBUM_ARTIST}, {@code lyrics-eng}…), if any. */
  public static Optional<String> canonical(String reported) {
    String key = reported.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (key.startsWith("lyrics") && key.length() <= 9) {
      return Optional.of(LYRICS); // lyrics-eng, lyrics-XXX: ID3 USLT with its language
    }
    return Optional.ofNullable(ALIASES.get(key));
  }
}
