package dev.tonearm.server.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The queries that make the tail: each distinct query of a set is timed in-process a few times after the load
 * phases (the best of the tries, so a GC pause does not make a query look slow) and the slowest are printed.
 */
final class Slowest {
  static final int TRIES = 3;

  private Slowest() {}

  /** A timed query: what it was and its best time. */
  record Timed(String query, double millis) {}

  interface Run<T> {
    void run(long n, T query) throws Exception;
  }

  static <T> List<Timed> of(List<T> queries, int distinct, int count, Run<T> run) throws Exception {
    List<Timed> timed = new ArrayList<>();
    for (int i = 0; i < Math.min(distinct, queries.size()); i++) {
      long best = Long.MAX_VALUE;
      for (int t = 0; t < TRIES; t++) {
        long start = System.nanoTime();
        run.run(i, queries.get(i));
        best = Math.min(best, System.nanoTime() - start);
      }
      timed.add(new Timed(String.valueOf(queries.get(i)), best / 1e6));
    }
    timed.sort(Comparator.comparingDouble(Timed::millis).reversed());
    return timed.subList(0, Math.min(count, timed.size()));
  }

  static void print(String name, List<Timed> slowest) {
    System.out.println(String.format(Locale.ROOT, "slowest %s queries (best of %d):", name, TRIES));
    for (Timed t : slowest) {
      System.out.println(String.format(Locale.ROOT, "  %8.2f ms  %s", t.millis(), t.query()));
    }
  }
}
