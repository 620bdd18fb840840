package dev.tonearm.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.tonearm.snapshots.GenerationCollector;
import dev.tonearm.snapshots.GenerationRestorer;
import dev.tonearm.snapshots.Manifest;
import dev.tonearm.snapshots.SnapshotStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the index writer does, independent of how Lambda calls it: brings the local index to the newest
 * generation, applies a stream batch and publishes it, or rebuilds. Any failure drops the local session (what
 * it had not published) and rethrows, so Lambda retries the batch against the newest generation.
 */
final class IndexWriterService {
  private static final Logger LOG = LoggerFactory.getLogger(IndexWriterService.class);
  /** Unreferenced files younger than this survive collection: far longer than any publish takes. */
  private static final Duration COLLECT_GRACE = Duration.ofMinutes(30);

  private final SnapshotStore store;
  private final DynamoDbClient dynamo;
  private final String table;
  private final Path workDir;
  private final int keepGenerations;
  private WriterSession session;

  IndexWriterService(SnapshotStore store, DynamoDbClient dynamo, String table, Path workDir, int keepGenerations) {
    this.store = store;
    this.dynamo = dynamo;
    this.table = table;
    this.workDir = workDir;
    this.keepGenerations = keepGenerations;
  }

  /** Applies one stream batch; records that could not be read are answered as batch item failures. */
  synchronized StreamsEventResponse apply(DynamodbEvent event) throws IOException {
    StreamBatch batch = StreamBatch.of(event);
    try {
      WriterSession current = atNewest();
      int applied = current.apply(batch.changes());
      if (applied > 0) {
        Manifest manifest = current.commitAndPublish(batch.lastSequence());
        collect();
        LOG.atInfo().addKeyValue("records", batch.changes().size()).addKeyValue("applied", applied)
            .addKeyValue("failed", batch.failed().size()).addKeyValue("generation", manifest.generation())
            .log("stream batch applied and published");
      } else {
        LOG.atInfo().addKeyValue("records", batch.changes().size()).addKeyValue("failed", batch.failed().size())
            .log("stream batch held nothing newer than the index");
      }
    } catch (IOException | RuntimeException e) {
      drop();
      throw e;
    }
    return StreamsEventResponse.builder().withBatchItemFailures(batch.failed().stream()
        .map(sequence -> StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(sequence).build())
        .toList()).build();
  }

  /** The nightly rebuild: the whole table into a new lineage, published as the next generation. */
  synchronized Map<String, Object> rebuild() throws IOException {
    drop();
    try {
      Optional<Manifest> newest = new GenerationRestorer(store).newest();
      session = WriterSession.rebuild(store, newest, dynamo, table, workDir);
      collect();
      return Map.of("generation", session.generation());
    } catch (IOException | RuntimeException e) {
      drop();
      throw e;
    }
  }

  /** The session at the store's newest generation: the warm one if nobody published since, else restored. */
  private WriterSession atNewest() throws IOException {
    Optional<Manifest> newest = new GenerationRestorer(store).newest();
    if (session != null && session.generation() == newest.map(Manifest::generation).orElse(0L)) {
      return session;
    }
    drop();
    Optional<WriterSession> restored = WriterSession.restore(store, workDir);
    // None restored: the very first generation, or the newest is of an older index layout.
    session = restored.isPresent() ? restored.get() : WriterSession.rebuild(store, newest, dynamo, table, workDir);
    return session;
  }

  private void collect() {
    try {
      new GenerationCollector(store).collect(keepGenerations, COLLECT_GRACE, Instant.now());
    } catch (IOException e) {
      LOG.atWarn().setCause(e).log("collecting old generations failed; the next publish tries again");
    }
  }

  private void drop() {
    if (session == null) {
      return;
    }
    try {
      session.close();
    } catch (IOException e) {
      LOG.atWarn().setCause(e).log("the local index did not close cleanly; it is restored afresh");
    }
    session = null;
  }
}
