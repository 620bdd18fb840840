package dev.tonearm.server.search;

import dev.tonearm.snapshots.ReplicaIndex;
import dev.tonearm.snapshots.SnapshotStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replica's index: restores the newest generation from the store on a background thread (retrying while the
 * store is unreachable or still empty, so a booting replica is simply not ready yet), then polls for newer
 * generations and swaps its searcher when one arrives. Every server reads through one of these; the embedded
 * stack's too, from its local S3.
 */
public final class FollowedIndex implements SearchIndex, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FollowedIndex.class);
  private static final Duration RETRY_FIRST = Duration.ofMillis(200);
  private static final Duration RETRY_MAX = Duration.ofSeconds(5);

  private final SnapshotStore store;
  private final Path localRoot;
  private final Duration poll;
  private final Thread opener;
  private volatile ReplicaIndex replica;
  private volatile boolean closed;

  private FollowedIndex(SnapshotStore store, Path localRoot, Duration poll) {
    this.store = store;
    this.localRoot = localRoot;
    this.poll = poll;
    this.opener = Thread.ofPlatform().daemon().name("index-restore").unstarted(this::openWhenPossible);
  }

  /** Starts restoring at once; {@link #ready()} turns true when a generation is open. */
  public static FollowedIndex start(SnapshotStore store, Path localRoot, Duration poll) {
    FollowedIndex index = new FollowedIndex(store, localRoot, poll);
    index.opener.start();
    return index;
  }

  private void openWhenPossible() {
    Duration wait = RETRY_FIRST;
    int attempts = 0;
    while (!closed) {
      try {
        ReplicaIndex opened = ReplicaIndex.open(store, localRoot);
        synchronized (this) {
          if (closed) {
            opened.close();
            return;
          }
          opened.startPolling(poll);
          replica = opened;
        }
        LOG.atInfo().addKeyValue("generation", opened.generation()).addKeyValue("attempts", attempts + 1)
            .log("index generation restored; following the store");
        return;
      } catch (IOException | RuntimeException e) {
        attempts++;
        if (attempts == 1 || attempts % 20 == 0) {
          LOG.atWarn().addKeyValue("attempts", attempts).addKeyValue("reason", e.getMessage())
              .log("no index generation to restore yet; retrying");
        }
        sleep(wait);
        wait = wait.multipliedBy(2).compareTo(RETRY_MAX) > 0 ? RETRY_MAX : wait.multipliedBy(2);
      }
    }
  }

  @Override
  public ReferenceManager<IndexSearcher> searchers() {
    ReplicaIndex open = replica;
    if (open == null) {
      throw new IllegalStateException("no index generation is open yet");
    }
    return open.searchers();
  }

  @Override
  public boolean ready() {
    return replica != null;
  }

  /** The generation being served, or 0 before the first is open. */
  public long generation() {
    ReplicaIndex open = replica;
    return open == null ? 0 : open.generation();
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws IOException {
    ReplicaIndex open;
    synchronized (this) {
      closed = true;
      open = replica;
    }
    if (open != null) {
      open.close();
    }
  }
}
