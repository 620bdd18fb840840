package dev.tonearm.snapshots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a generation's file transfers a few at a time: a small commit is several small files, and a restore is a
 * few large ones, so both are bound by round trips more than by bandwidth. The first failure is rethrown as is.
 */
final class Transfers {
  static final int PARALLEL = 4;

  /** One transfer of one item. */
  interface Transfer<T> {
    void run(T item) throws IOException;
  }

  private Transfers() {}

  static <T> void each(List<T> items, Transfer<T> transfer) throws IOException {
    if (items.size() <= 1) {
      for (T item : items) {
        transfer.run(item);
      }
      return;
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL, items.size()),
        Thread.ofPlatform().daemon().name("snapshot-transfer-", 0).factory())) {
      List<Future<?>> running = new ArrayList<>();
      for (T item : items) {
        running.add(pool.submit(() -> {
          try {
            transfer.run(item);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }));
      }
      for (Future<?> future : running) {
        await(future, running);
      }
    }
  }

  private static void await(Future<?> future, List<Future<?>> all) throws IOException {
    try {
      future.get();
    } catch (InterruptedException e) {
      all.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new IOException("interrupted during a transfer", e);
    } catch (ExecutionException e) {
      all.forEach(f -> f.cancel(true));
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException(cause);
    }
  }
}
