package dev.tonearm.server.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws ranks 0..n-1 with weight {@code 1/(rank + offset)^exponent} (Zipf–Mandelbrot): a few artists hold many
 * tracks and most hold a handful, as in real catalogs. The offset keeps the head from being absurdly tall.
 */
final class Zipf {
  private final double[] cumulative;

  Zipf(int n, double exponent, double offset) {
    cumulative = new double[n];
    double sum = 0;
    for (int rank = 0; rank < n; rank++) {
      sum += 1 / Math.pow(rank + 1 + offset, exponent);
      cumulative[rank] = sum;
    }
  }

  int next(SplittableRandom random) {
    double target = random.nextDouble() * cumulative[cumulative.length - 1];
    int at = Arrays.binarySearch(cumulative, target);
    return Math.min(at >= 0 ? at : -at - 1, cumulative.length - 1);
  }

  /** The share of draws that land on {@code rank}. */
  double share(int rank) {
    double below = rank == 0 ? 0 : cumulative[rank - 1];
    return (cumulative[rank] - below) / cumulative[cumulative.length - 1];
  }
}
