package dev.tonearm.catalog;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Listeners' ratings of tracks. Each listener has at most one rating per track; the track's {@link Rating}
 * aggregate changes in the same atomic write as the listener's rating, so it always equals the ratings stored.
 * Every change of a rating bumps the track's version. A listener can rate only a track they may see: for any other
 * (another's private track, a deleted one) the write answers empty and changes nothing.
 */
public interface RatingRepository {

  /** The stars {@code userId} gave {@code trackId}, if any. */
  OptionalInt stars(String userId, String trackId);

  /**
   * Sets {@code viewer}'s stars (1–5) on the track; the same stars again change nothing. Returns the track with its
   * new aggregate, or empty when the track is gone or not visible to {@code viewer}.
   */
  Optional<Track> rate(Viewer viewer, String trackId, int stars);

  /** Removes {@code viewer}'s rating of the track, if any. Empty when the track is gone or not visible. */
  Optional<Track> unrate(Viewer viewer, String trackId);

  /** Up to {@code limit} of {@code userId}'s ratings, in track id order; tracks deleted since may be among them. */
  List<TrackRating> byUser(String userId, int limit);
}
