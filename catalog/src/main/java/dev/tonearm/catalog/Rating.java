package dev.tonearm.catalog;

/**
 * A track's listener ratings in aggregate: the sum of every listener's stars (1–5) and how many listeners rated.
 * The repository keeps both exactly equal to the rating items it stores beside them; the average is derived.
 *
 * @param sum the stars of every rating added up
 * @param count how many listeners rated the track
 */
public record Rating(long sum, long count) {
  /** A track nobody has rated. */
  public static final Rating NONE = new Rating(0, 0);
  /** The fewest and most stars a listener can give. */
  public static final int MIN_STARS = 1;
  public static final int MAX_STARS = 5;

  public Rating {
    if (sum < 0 || count < 0) {
      throw new IllegalArgumentException("a rating aggregate is never negative: sum " + sum + ", count " + count);
    }
  }

  /** The mean stars, or {@code null} while nobody has rated. */
  public Double average() {
    return count == 0 ? null : (double) sum / count;
  }

  /** Whether the average is at least {@code stars}, compared exactly in integers (no rounding at the edge). */
  public boolean atLeast(int stars) {
    return count > 0 && sum >= (long) stars * count;
  }
}
