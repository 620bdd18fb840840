package dev.tonearm.server.dev;

import dev.tonearm.catalog.TrackRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first start's demo load, in the background: DynamoDB Local commits every batch to disk, so 25k tracks take
 * most of a minute, and the API is useful long before. A marker file records a finished load; a load cut off
 * by a stop runs again at the next start.
 */
final class DemoLoad implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoLoad.class);

  private final CompletableFuture<Integer> loaded;

  private DemoLoad(CompletableFuture<Integer> loaded) {
    this.loaded = loaded;
  }

  static DemoLoad startIfNeeded(DataDir data, TrackRepository tracks, Clock clock) {
    Path marker = data.root().resolve("demo-catalog.loaded");
    if (Files.exists(marker)) {
      return new DemoLoad(CompletableFuture.completedFuture(-1));
    }
    LOG.info("loading the demo catalog in the background; the API is up meanwhile");
    CompletableFuture<Integer> loaded = CompletableFuture.supplyAsync(() -> {
      int written = DemoCatalog.load(tracks, clock);
      try {
        Files.writeString(marker, written + "\n");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + marker, e);
      }
      return written;
    }, runnable -> Thread.ofPlatform().daemon().name("demo-catalog-load").start(runnable));
    loaded.exceptionally(e -> {
      LOG.atWarn().setCause(e).log("the demo catalog load stopped; it runs again at the next start");
      return null;
    });
    return new DemoLoad(loaded);
  }

  Object state() {
    if (!loaded.isDone()) {
      return "loading";
    }
    return loaded.isCompletedExceptionally() ? "failed (see the log; retried at the next start)" : "loaded";
  }

  void await() {
    try {
      loaded.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the demo catalog load failed", e.getCause());
    }
  }

  @Override
  public void close() {
    loaded.cancel(true);
  }
}
