package dev.tonearm.server.dev;

import dev.tonearm.catalog.TrackRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first start's demo load, in the background: DynamoDB Local commits every batch to disk, so 25k tracks take
 * most of a minute, and the API is useful long before. A marker file records a finished load; a load cut off
 * by a stop runs again at the next start.
 */
final class DemoLoad implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoLoad.class);

  private final CompletableFuture<Integer> loaded = new CompletableFuture<>();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private Thread loader;

  static DemoLoad startIfNeeded(DataDir data, TrackRepository tracks, Clock clock) {
    Path marker = data.root().resolve("demo-catalog.loaded");
    DemoLoad load = new DemoLoad();
    if (Files.exists(marker)) {
      load.loaded.complete(0);
      return load;
    }
    LOG.info("loading the demo catalog in the background; the API is up meanwhile");
    load.loader = Thread.ofPlatform().daemon().name("demo-catalog-load").start(() -> {
      try {
        int written = DemoCatalog.load(tracks, clock, load.stopping::get);
        if (!load.stopping.get()) {
          Files.writeString(marker, written + "\n");
        }
        load.loaded.complete(written);
      } catch (IOException | RuntimeException e) {
        LOG.atWarn().setCause(e).log("the demo catalog load stopped; it runs again at the next start");
        load.loaded.completeExceptionally(e);
      }
    });
    return load;
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

  /** Stops after the batches in flight, so DynamoDB Local is not shut down under a writer. */
  @Override
  public void close() throws InterruptedException {
    stopping.set(true);
    if (loader != null) {
      loader.join(Duration.ofSeconds(30));
    }
  }
}
