package dev.tonearm.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A track in the catalog. {@code artists} holds every credited artist in order; {@code artist} is the credit as
 * displayed ("Daft Punk feat. Pharrell Williams"). Optional numbers are {@code null} when unknown.
 *
 * @param mediaKeys S3 keys of the track's media by role (original, hls, art…); empty until ingestion
 * @param version grows by one on every write, a change of its ratings included; the basis of optimistic
 *     concurrency and of index idempotency
 * @param rating the listeners' ratings in aggregate ({@link Rating#NONE} until someone rates it)
 * @param audioFeatures how the track sounds (tempo, energy…), or {@code null} when nobody has described it
 */
public record Track(
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
    String owner,
    Visibility visibility,
    String sha256,
    Map<String, String> mediaKeys,
    TrackStatus status,
    Instant createdAt,
    Instant updatedAt,
    long version,
    Rating rating,
    AudioFeatures audioFeatures) {

  public Track {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(visibility, "visibility");
    Objects.requireNonNull(status, "status");
    rating = rating == null ? Rating.NONE : rating;
    artists = artists == null ? List.of() : List.copyOf(artists);
    genres = genres == null ? List.of() : List.copyOf(genres);
    mediaKeys = mediaKeys == null ? Map.of() : Map.copyOf(mediaKeys);
    if (artist == null && !artists.isEmpty()) {
      artist = String.join(", ", artists);
    }
  }

  /** Whether {@code viewer} may see this track: public, their own, or they are an admin. */
  public boolean isVisibleTo(Viewer viewer) {
    return visibility == Visibility.PUBLIC || viewer.admin() || owner.equals(viewer.userId());
  }

  /** A copy with the bookkeeping of the next write: {@code version + 1} and {@code updatedAt = now}. */
  public Track nextVersion(Instant now) {
    return new Track(id, title, artists, artist, album, albumArtist, genres, year, durationMs, trackNumber,
        discNumber, fileName, owner, visibility, sha256, mediaKeys, status, createdAt, now, version + 1, rating,
        audioFeatures);
  }

  /** A copy with another rating aggregate, at the same version (fixtures; the repository bumps the version). */
  public Track withRating(Rating newRating) {
    return new Track(id, title, artists, artist, album, albumArtist, genres, year, durationMs, trackNumber,
        discNumber, fileName, owner, visibility, sha256, mediaKeys, status, createdAt, updatedAt, version, newRating,
        audioFeatures);
  }

  /** A copy with another description of how it sounds ({@code null}: none), at the same version. */
  public Track withAudioFeatures(AudioFeatures features) {
    return new Track(id, title, artists, artist, album, albumArtist, genres, year, durationMs, trackNumber,
        discNumber, fileName, owner, visibility, sha256, mediaKeys, status, createdAt, updatedAt, version, rating,
        features);
  }
}
