package dev.tonearm.server.ratings;

import dev.tonearm.catalog.Rating;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A track's rating aggregate as the API shows it: the average to one decimal ({@code null} while nobody rated)
 * and how many listeners rated.
 */
public record RatingView(Double average, long count) {

  public static RatingView of(Rating rating) {
    Double average = rating.average() == null ? null
        : BigDecimal.valueOf(rating.sum()).divide(BigDecimal.valueOf(rating.count()), 1, RoundingMode.HALF_UP)
            .doubleValue();
    return new RatingView(average, rating.count());
  }
}
