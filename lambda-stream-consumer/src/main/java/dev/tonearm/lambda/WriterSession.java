package dev.tonearm.lambda;

import dev.tonearm.indexer.IndexLayout;
import dev.tonearm.indexer.writer.CatalogChange;
import dev.tonearm.indexer.writer.ChangeApplier;
import dev.tonearm.indexer.writer.LiveIndex;
import dev.tonearm.indexer.writer.TableRebuild;
import dev.tonearm.snapshots.GenerationPublisher;
import dev.tonearm.snapshots.GenerationRestorer;
import dev.tonearm.snapshots.Manifest;
import dev.tonearm.snapshots.SnapshotStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The writer's local index at one published generation: opened from a restored generation (or built from the
 * table), changed by batches, committed and published as the next generation. Warm invocations keep it; any
 * failure closes it (dropping what was not published), and the next invocation restores the newest generation
 * again and re-applies, idempotently.
 */
final class WriterSession implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WriterSession.class);
  static final String SEQUENCE = "lambda.sequence";
  private static final int REBUILD_SEGMENTS = 8;

  private final Path dir;
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager nrt;
  private final ChangeApplier applier;
  private final GenerationPublisher publisher;
  private final String lineage;
  private Manifest published;

  private WriterSession(Path dir, GenerationPublisher publisher, Manifest published, String lineage)
      throws IOException {
    this.dir = dir;
    this.publisher = publisher;
    this.published = published;
    this.lineage = lineage;
    this.directory = FSDirectory.open(dir);
    this.writer = new IndexWriter(directory, IndexLayout.writerConfig()
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
    this.nrt = new SearcherManager(writer, null);
    this.applier = new ChangeApplier(writer, nrt);
  }

  /**
   * Opens the newest generation in a fresh directory under {@code workDir}; empty if the store has none, or only
   * one of an older {@link IndexLayout}, which cannot be appended to and is built again instead.
   */
  static Optional<WriterSession> restore(SnapshotStore store, Path workDir) throws IOException {
    Path dir = freshDir(workDir);
    Optional<Manifest> newest = new GenerationRestorer(store).restoreForWriting(dir);
    if (newest.isEmpty()) {
      return Optional.empty();
    }
    try (FSDirectory restored = FSDirectory.open(dir)) {
      if (!IndexLayout.current(restored)) {
        LOG.atWarn().addKeyValue("generation", newest.get().generation())
            .log("the newest generation has an older index layout: building the index again from the table");
        return Optional.empty();
      }
    }
    return Optional.of(new WriterSession(dir, new GenerationPublisher(store, newest), newest.get(),
        newest.get().lineage()));
  }

  /**
   * Scans the table into a fresh index of a new lineage and publishes it as the generation after
   * {@code newest}; the session then continues from it.
   */
  static WriterSession rebuild(SnapshotStore store, Optional<Manifest> newest, DynamoDbClient dynamo, String table,
      Path workDir) throws IOException {
    String lineage = GenerationPublisher.newLineage();
    WriterSession session = new WriterSession(freshDir(workDir), new GenerationPublisher(store, newest),
        newest.orElse(null), lineage);
    boolean success = false;
    try {
      TableRebuild.Result result = TableRebuild.into(session.writer, dynamo, table, REBUILD_SEGMENTS);
      Manifest manifest = session.commitAndPublish(Optional.empty(), newest.map(Manifest::streamPosition));
      LOG.atInfo().addKeyValue("tracks", result.tracks()).addKeyValue("unreadable", result.unreadable()).addKeyValue("scanMs", result.took().toMillis())
          .addKeyValue("generation", manifest.generation()).addKeyValue("lineage", lineage)
          .log("index rebuilt from the table");
      success = true;
      return session;
    } finally {
      if (!success) {
        session.close();
      }
    }
  }

  long generation() {
    return published == null ? 0 : published.generation();
  }

  /** Applies the changes that are newer than the index; returns how many were. */
  int apply(List<CatalogChange> changes) throws IOException {
    return changes.isEmpty() ? 0 : applier.apply(changes).applied();
  }

  /** Commits with the stream position reached and publishes the commit as the next generation. */
  Manifest commitAndPublish(Optional<String> sequence) throws IOException {
    return commitAndPublish(sequence, Optional.empty());
  }

  private Manifest commitAndPublish(Optional<String> sequence, Optional<Map<String, String>> carried)
      throws IOException {
    Map<String, String> userData = new HashMap<>();
    Optional.ofNullable(published).filter(p -> p.lineage().equals(lineage)).map(Manifest::streamPosition)
        .or(() -> carried).ifPresent(position -> position.forEach((k, v) -> userData.put(Manifest.STREAM_PREFIX + k, v)));
    sequence.ifPresent(s -> userData.put(Manifest.STREAM_PREFIX + SEQUENCE, s));
    userData.put(LiveIndex.LINEAGE, lineage);
    writer.setLiveCommitData(userData.entrySet());
    writer.commit();
    // One writer thread and the default deletion policy: the newest commit is the one just made, and its files stay.
    published = publisher.publish(DirectoryReader.listCommits(directory).getLast(), lineage);
    return published;
  }

  private static Path freshDir(Path workDir) throws IOException {
    Files.createDirectories(workDir);
    try (var old = Files.list(workDir)) {
      for (Path p : old.toList()) {
        deleteTree(p); // one session at a time: whatever is here belonged to a session that is over
      }
    }
    return Files.createDirectories(workDir.resolve(UUID.randomUUID().toString()));
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      nrt.close();
      writer.rollback(); // anything not committed and published is dropped; the store is the truth
    } finally {
      directory.close();
    }
  }
}
