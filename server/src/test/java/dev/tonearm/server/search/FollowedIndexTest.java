package dev.tonearm.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackStatus;
import dev.tonearm.catalog.Visibility;
import dev.tonearm.indexer.IndexLayout;
import dev.tonearm.indexer.TrackDocuments;
import dev.tonearm.snapshots.GenerationPublisher;
import dev.tonearm.snapshots.LocalDirSnapshotStore;
import dev.tonearm.snapshots.SnapshotStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A booting replica whose index store is unreachable or empty: not ready, retrying, never crashing. */
class FollowedIndexTest {
  @TempDir Path tmp;

  @Test
  void a_replica_is_not_ready_while_its_store_is_unreachable_or_empty_and_opens_once_it_answers() throws Exception {
    AtomicBoolean down = new AtomicBoolean(true);
    SnapshotStore store = new LocalDirSnapshotStore(Files.createDirectories(tmp.resolve("store"))); // the "bucket"
    try (FollowedIndex index = FollowedIndex.start(flaky(store, down), tmp.resolve("replica"), Duration.ofMillis(50))) {
      Thread.sleep(800);
      assertThat(index.ready()).as("store unreachable").isFalse();

      down.set(false);
      Thread.sleep(800);
      assertThat(index.ready()).as("store reachable but empty").isFalse();

      publishOneTrack(store);
      awaitReady(index);
      IndexSearcher searcher = index.searchers().acquire();
      try {
        assertThat(searcher.getIndexReader().numDocs()).isEqualTo(1);
      } finally {
        index.searchers().release(searcher);
      }
      assertThat(index.generation()).isEqualTo(1);
    }
  }

  private void publishOneTrack(SnapshotStore store) throws Exception {
    Instant now = Instant.parse("2026-11-01T00:00:00Z");
    Track track = new Track("ace", "Ace of Spades", List.of("Motörhead"), null, null, null, List.of(), 1980, null,
        null, null, null, "lemmy", Visibility.PUBLIC, null, Map.of(), TrackStatus.METADATA_ONLY, now, now, 1,
        Rating.NONE, null);
    try (FSDirectory dir = FSDirectory.open(tmp.resolve("writer"));
        IndexWriter writer = new IndexWriter(dir, IndexLayout.writerConfig())) {
      writer.addDocument(TrackDocuments.toDocument(track, 0f));
      writer.commit();
      new GenerationPublisher(store, Optional.empty())
          .publish(DirectoryReader.listCommits(dir).getLast(), GenerationPublisher.newLineage());
    }
  }

  private static void awaitReady(FollowedIndex index) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!index.ready() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(index.ready()).as("ready after the store answered").isTrue();
  }

  /** The store, every call failing while {@code down} is set. */
  private static SnapshotStore flaky(SnapshotStore store, AtomicBoolean down) {
    return (SnapshotStore) Proxy.newProxyInstance(FollowedIndexTest.class.getClassLoader(),
        new Class<?>[] {SnapshotStore.class}, (proxy, method, args) -> {
          if (down.get()) {
            throw new java.io.UncheckedIOException(new java.io.IOException("connection refused"));
          }
          try {
            return method.invoke(store, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
