package dev.tonearm.server.tracks;

import dev.tonearm.catalog.AudioFeatures;
import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackStatus;
import dev.tonearm.catalog.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns checked fields (from {@link TrackFields}) into tracks: a new one for creation and import, or a changed
 * copy for a patch. When only one of {@code artists} and {@code artist} is given, the other follows from it.
 */
public final class TrackChanges {
  private TrackChanges() {}

  /** A new track at version 1, owned by {@code owner}. Visibility defaults to public. */
  public static Track create(String id, Map<String, Object> fields, String owner, Instant now) {
    Track blank = new Track(id, "", List.of(), null, null, null, List.of(), null, null, null, null, null, owner,
        Visibility.PUBLIC, null, Map.of(), TrackStatus.METADATA_ONLY, now, now, 1, Rating.NONE, null);
    return apply(blank, fields);
  }

  /** {@code current} with {@code fields} applied; bookkeeping (version, timestamps) is the repository's. */
  @SuppressWarnings("unchecked")
  public static Track apply(Track current, Map<String, Object> fields) {
    List<String> artists = (List<String>) fields.getOrDefault(TrackFields.ARTISTS, current.artists());
    String artist = (String) fields.getOrDefault(TrackFields.ARTIST, current.artist());
    if (fields.containsKey(TrackFields.ARTISTS) && !fields.containsKey(TrackFields.ARTIST)) {
      artist = artists.isEmpty() ? null : String.join(", ", artists);
    } else if (fields.containsKey(TrackFields.ARTIST) && !fields.containsKey(TrackFields.ARTISTS)
        && (current.artists().isEmpty() || Objects.equals(current.artist(), String.join(", ", current.artists())))) {
      artists = artist == null ? List.of() : List.of(artist);
    }
    return new Track(
        current.id(),
        (String) fields.getOrDefault(TrackFields.TITLE, current.title()),
        artists,
        artist,
        (String) fields.getOrDefault(TrackFields.ALBUM, current.album()),
        (String) fields.getOrDefault(TrackFields.ALBUM_ARTIST, current.albumArtist()),
        (List<String>) fields.getOrDefault(TrackFields.GENRES, current.genres()),
        (Integer) fields.getOrDefault(TrackFields.YEAR, current.year()),
        (Long) fields.getOrDefault(TrackFields.DURATION_MS, current.durationMs()),
        (Integer) fields.getOrDefault(TrackFields.TRACK_NUMBER, current.trackNumber()),
        (Integer) fields.getOrDefault(TrackFields.DISC_NUMBER, current.discNumber()),
        (String) fields.getOrDefault(TrackFields.FILE_NAME, current.fileName()),
        current.owner(),
        (Visibility) fields.getOrDefault(TrackFields.VISIBILITY, current.visibility()),
        current.sha256(),
        current.mediaKeys(),
        current.status(),
        current.createdAt(),
        current.updatedAt(),
        current.version(),
        current.rating(),
        (AudioFeatures) fields.getOrDefault(TrackFields.AUDIO_FEATURES, current.audioFeatures()));
  }
}
