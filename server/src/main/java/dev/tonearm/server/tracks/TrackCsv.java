package dev.tonearm.server.tracks;

import dev.tonearm.catalog.AudioFeatures;
import dev.tonearm.catalog.Track;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The CSV shape of tracks, shared by export and import so an exported file imports again: one column per
 * field, list fields ({@code artists}, {@code genres}) joined with {@value #LIST_SEPARATOR}. The audio features
 * are a column each, named as inside {@code audioFeatures} ({@code danceability} … {@code mode}, the Spotify
 * names), all empty for a track without them.
 */
public final class TrackCsv {
  public static final String LIST_SEPARATOR = "; ";
  public static final List<String> LIST_COLUMNS = List.of(TrackFields.ARTISTS, TrackFields.GENRES);
  public static final List<String> NUMBER_COLUMNS = List.of(TrackFields.YEAR, TrackFields.DURATION_MS,
      TrackFields.TRACK_NUMBER, TrackFields.DISC_NUMBER);
  /** Export columns: the read-only id first, then every editable field, then the server's bookkeeping. */
  /** The columns of the audio features: {@link AudioFeatures#NAMES}, gathered into {@code audioFeatures} on import. */
  public static final List<String> FEATURE_COLUMNS = AudioFeatures.NAMES;
  public static final List<String> EXPORT_HEADER = Stream.of(
      List.of("id", TrackFields.TITLE, TrackFields.ARTISTS, TrackFields.ARTIST, TrackFields.ALBUM,
          TrackFields.ALBUM_ARTIST, TrackFields.GENRES, TrackFields.YEAR, TrackFields.DURATION_MS,
          TrackFields.TRACK_NUMBER, TrackFields.DISC_NUMBER, TrackFields.FILE_NAME, TrackFields.VISIBILITY),
      FEATURE_COLUMNS,
      List.of("owner", "status", "createdAt", "updatedAt", "version"))
      .flatMap(List::stream).toList();

  private TrackCsv() {}

  public static List<String> row(Track t) {
    List<Object> values = Arrays.asList(t.id(), t.title(), String.join(LIST_SEPARATOR, t.artists()), t.artist(),
        t.album(), t.albumArtist(), String.join(LIST_SEPARATOR, t.genres()), t.year(), t.durationMs(),
        t.trackNumber(), t.discNumber(), t.fileName(), t.visibility().wireName());
    List<String> row = new ArrayList<>(EXPORT_HEADER.size());
    values.forEach(v -> row.add(Objects.toString(v, "")));
    FEATURE_COLUMNS.forEach(name -> row.add(t.audioFeatures() == null ? ""
        : Objects.toString(t.audioFeatures().value(name), "")));
    List.of(t.owner(), t.status().name(), t.createdAt(), t.updatedAt(), t.version())
        .forEach(v -> row.add(v.toString()));
    return row;
  }

  /** Splits a list cell; an empty cell is an empty list. */
  public static List<String> splitList(String cell) {
    if (cell.isBlank()) {
      return List.of();
    }
    return Arrays.stream(cell.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
