package dev.tonearm.server.tracks;

import dev.tonearm.catalog.AudioFeatures;
import dev.tonearm.catalog.Track;
import dev.tonearm.server.ratings.RatingView;
import java.util.List;

/**
 * A track as the API shows it. Unknown optional values are {@code null}, so every track has one shape. {@code rating}
 * is the listeners' aggregate, {@code {"average": 4.3, "count": 12}} ({@code average} null while unrated);
 * {@code audioFeatures} how it sounds ({@code {"danceability": 0.72, …, "tempo": 118.0, "loudness": -6.1, "key": 5,
 * "mode": 1}}), null when nobody described it.
 */
public record TrackView(
    String id,
    String title,
    List<String> artists,
    String artist,
    String album,
    String albumArtist,
    List<String> genres,
    Integer year,
    Long durationMs,
    Integer trackNumber,
    Integer discNumber,
    String fileName,
    String visibility,
    String owner,
    String status,
    String createdAt,
    String updatedAt,
    long version,
    RatingView rating,
    AudioFeatures audioFeatures) {

  public static TrackView of(Track t) {
    return new TrackView(t.id(), t.title(), t.artists(), t.artist(), t.album(), t.albumArtist(), t.genres(),
        t.year(), t.durationMs(), t.trackNumber(), t.discNumber(), t.fileName(), t.visibility().wireName(),
        t.owner(), t.status().name(), t.createdAt().toString(), t.updatedAt().toString(), t.version(),
        RatingView.of(t.rating()), t.audioFeatures());
  }
}
