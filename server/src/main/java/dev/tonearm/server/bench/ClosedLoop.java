package dev.tonearm.server.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load: {@code concurrency} threads each send their next request as soon as the previous one has
 * answered, for a fixed time after a warm-up whose timings are dropped. Requests are numbered across threads so
 * every thread walks the same query list. Latencies are kept whole and sorted at the end: at a few thousand
 * requests a second for tens of seconds that is a few megabytes, and the percentiles are exact.
 */
final class ClosedLoop {

  /** Sends request number {@code n}; throws when the answer is not a success. */
  @FunctionalInterface
  interface Request {
    void send(long n) throws Exception;
  }

  /** What one run measured; latencies in nanoseconds, sorted. */
  record Result(String name, int concurrency, long[] nanos, long errors, String firstError, double seconds) {
    double qps() {
      return nanos.length / seconds;
    }

    double millisAt(double quantile) {
      if (nanos.length == 0) {
        return Double.NaN;
      }
      int at = (int) Math.ceil(quantile * nanos.length) - 1;
      return nanos[Math.clamp(at, 0, nanos.length - 1)] / 1e6;
    }

    String line() {
      return String.format(Locale.ROOT, "%-28s c=%d  n=%7d  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %7.2f ms"
              + "  %7.0f QPS%s", name, concurrency, nanos.length, millisAt(0.5), millisAt(0.9), millisAt(0.99),
          millisAt(1.0), qps(), errors == 0 ? "" : "  ERRORS " + errors + " (first: " + firstError + ")");
    }
  }

  private ClosedLoop() {}

  static Result run(String name, int concurrency, Duration warmup, Duration measure, Request request)
      throws InterruptedException {
    AtomicLong next = new AtomicLong();
    phase(concurrency, warmup, next, request, false);
    long start = System.nanoTime();
    Phase measured = phase(concurrency, measure, next, request, true);
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] all = measured.latencies.stream().flatMapToLong(Arrays::stream).toArray();
    Arrays.sort(all);
    return new Result(name, concurrency, all, measured.errors.get(), measured.firstError.get(), seconds);
  }

  private record Phase(List<long[]> latencies, AtomicLong errors, AtomicReference<String> firstError) {}

  private static Phase phase(int concurrency, Duration length, AtomicLong next, Request request, boolean keep)
      throws InterruptedException {
    long end = System.nanoTime() + length.toNanos();
    Phase phase = new Phase(new ArrayList<>(), new AtomicLong(), new AtomicReference<>());
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < concurrency; t++) {
      threads.add(Thread.ofPlatform().name("load-" + t).start(() -> {
        long[] mine = new long[1 << 14];
        int count = 0;
        while (System.nanoTime() < end) {
          long sent = System.nanoTime();
          try {
            request.send(next.getAndIncrement());
          } catch (Exception e) {
            phase.errors.incrementAndGet();
            phase.firstError.compareAndSet(null, String.valueOf(e.getMessage()));
            continue;
          }
          if (keep) {
            if (count == mine.length) {
              mine = Arrays.copyOf(mine, count * 2);
            }
            mine[count++] = System.nanoTime() - sent;
          }
        }
        synchronized (phase.latencies) {
          phase.latencies.add(Arrays.copyOf(mine, count));
        }
      }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return phase;
  }
}
