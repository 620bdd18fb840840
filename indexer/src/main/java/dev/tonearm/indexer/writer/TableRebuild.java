package dev.tonearm.indexer.writer;

import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.dynamo.CatalogTable;
import dev.tonearm.catalog.dynamo.TrackItems;
import dev.tonearm.indexer.SearchSchema;
import dev.tonearm.indexer.TrackDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The full rebuild: a parallel scan of the whole table (one thread per segment) straight into an IndexWriter,
 * which is thread-safe and indexes on all the calling threads. Whatever the writer held before is deleted first.
 * Documents are keyed by id, so an item the scan returns twice is indexed once.
 */
public final class TableRebuild {
  private static final Logger LOG = LoggerFactory.getLogger(TableRebuild.class);
  private TableRebuild() {}

  /** What a rebuild read and indexed. */
  public record Result(long items, long tracks, long unreadable, Duration took) {}

  /** Replaces the writer's contents with every track of {@code table}; the caller commits. */
  public static Result into(IndexWriter writer, DynamoDbClient dynamo, String table, int segments)
      throws IOException {
    long began = System.nanoTime();
    writer.deleteAll();
    AtomicLong items = new AtomicLong();
    AtomicLong tracks = new AtomicLong();
    AtomicLong unreadable = new AtomicLong();
    try (ExecutorService pool = Executors.newFixedThreadPool(segments,
        Thread.ofPlatform().name("rebuild-scan-", 0).daemon().factory())) {
      List<Future<?>> scans = new ArrayList<>();
      for (int segment = 0; segment < segments; segment++) {
        ScanRequest request = ScanRequest.builder().tableName(table).segment(segment).totalSegments(segments).build();
        scans.add(pool.submit(() -> scan(writer, dynamo, request, items, tracks, unreadable)));
      }
      for (Future<?> scan : scans) {
        await(scan);
      }
    }
    return new Result(items.get(), tracks.get(), unreadable.get(), Duration.ofNanos(System.nanoTime() - began));
  }

  private static void scan(IndexWriter writer, DynamoDbClient dynamo, ScanRequest request, AtomicLong items,
      AtomicLong tracks, AtomicLong unreadable) {
    try {
      for (var page : dynamo.scanPaginator(request)) {
        for (var item : page.items()) {
          items.incrementAndGet();
          if (!TrackItems.isTrack(item)) {
            continue;
          }
          Track track;
          try {
            track = TrackItems.fromItem(item);
          } catch (RuntimeException e) {
            // One malformed item must not keep the whole catalog out of the index; it is named and skipped.
            unreadable.incrementAndGet();
            LOG.atError().setCause(e).addKeyValue("pk", item.get(CatalogTable.PK))
                .log("a track item cannot be read; left out of the rebuilt index");
            continue;
          }
          writer.updateDocument(new Term(SearchSchema.ID, track.id()), TrackDocuments.toDocument(track));
          tracks.incrementAndGet();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void await(Future<?> scan) throws IOException {
    try {
      scan.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("the rebuild was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException("a rebuild scan failed", e.getCause());
    }
  }
}
