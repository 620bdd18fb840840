package dev.tonearm.catalog;

import java.time.Instant;
import java.util.Objects;

/** One listener's stars for one track. */
public record TrackRating(String userId, String trackId, int stars, Instant ratedAt) {
  public TrackRating {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(trackId, "trackId");
    if (stars < Rating.MIN_STARS || stars > Rating.MAX_STARS) {
      throw new IllegalArgumentException("stars must be 1..5, was " + stars);
    }
  }
}
