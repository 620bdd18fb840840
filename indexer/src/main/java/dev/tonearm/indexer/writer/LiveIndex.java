package dev.tonearm.indexer.writer;

import dev.tonearm.indexer.IndexLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The in-process index writer of the embedded stack: opens (or builds from a table scan) the index in a local
 * directory, then follows the table's stream on a background thread, applying changes idempotently and
 * refreshing readers within a fraction of a second. Each commit records the stream checkpoint it includes, so a
 * restart continues where it stopped. {@link #searchers()} serves readers in the same process.
 */
public final class LiveIndex implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveIndex.class);
  /** Commit user data: the stream checkpoint per shard under this prefix, and the index's lineage. */
  public static final String CHECKPOINT_PREFIX = "stream.";
  public static final String LINEAGE = "lineage";
  private static final Duration IDLE_PAUSE = Duration.ofMillis(100);
  /** Applied changes are committed (and handed to the listener) at once when the stream is idle, else this often. */
  private static final Duration COMMIT_BUSY_EVERY = Duration.ofSeconds(1);
  /** A checkpoint that moved without changes (records of other entities) is committed this often. */
  private static final Duration COMMIT_IDLE_EVERY = Duration.ofSeconds(5);

  private static final int REBUILD_SEGMENTS = 4;
  private static final java.time.format.DateTimeFormatter LINEAGE_TIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC);

  private final DynamoDbClient dynamo;
  private final DynamoDbStreamsClient streams;
  private final String table;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ChangeApplier applier;
  private final SnapshotDeletionPolicy commits;
  private final CommitListener listener;
  /** Whether the directory held an index of an older {@link IndexLayout}, now discarded for a rebuild. */
  private final boolean outdated;
  private volatile boolean caughtUp;
  private volatile boolean stopping;
  private volatile boolean rebuildRequested;
  private Thread follower;
  private Map<String, String> checkpoint = Map.of();
  private Map<String, String> committedCheckpoint = Map.of();
  private String lineage;
  private boolean dirty;
  private boolean unannounced;
  private long lastCommitNanos = System.nanoTime();

  private LiveIndex(DynamoDbClient dynamo, DynamoDbStreamsClient streams, String table, Path dir,
      CommitListener listener) throws IOException {
    this.dynamo = dynamo;
    this.streams = streams;
    this.table = table;
    this.listener = listener;
    this.directory = FSDirectory.open(dir);
    this.outdated = !IndexLayout.current(directory);
    this.commits = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy());
    this.writer = new IndexWriter(directory, IndexLayout.writerConfig()
        .setOpenMode(outdated ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setIndexDeletionPolicy(commits));
    this.searchers = new SearcherManager(writer, null);
    this.applier = new ChangeApplier(writer, searchers);
  }

  /** Opens the index in {@code dir} (building it from the table when it has no commit) and starts following. */
  public static LiveIndex start(DynamoDbClient dynamo, DynamoDbStreamsClient streams, String table, Path dir)
      throws IOException {
    return start(dynamo, streams, table, dir, CommitListener.NONE);
  }

  /**
   * As {@link #start(DynamoDbClient, DynamoDbStreamsClient, String, Path)}, handing every commit to
   * {@code listener} (which publishes it) before the next one is made.
   */
  public static LiveIndex start(DynamoDbClient dynamo, DynamoDbStreamsClient streams, String table, Path dir,
      CommitListener listener) throws IOException {
    LiveIndex index = new LiveIndex(dynamo, streams, table, dir, listener);
    boolean success = false;
    try {
      if (index.outdated) {
        LOG.atWarn().log("the index on disk has an older layout: building it again from the table");
      }
      Map<String, String> stored = index.outdated ? Map.of() : index.storedUserData();
      index.checkpoint = checkpointOf(stored);
      index.committedCheckpoint = index.checkpoint;
      index.lineage = stored.get(LINEAGE);
      if (!DirectoryReader.indexExists(index.directory) || index.lineage == null) {
        index.rebuildFromTable();
      } else {
        index.unannounced = true; // a restored or reopened commit: the listener decides whether it is news
        index.announce();
      }
      index.follower = Thread.ofPlatform().daemon().name("index-writer").start(index::follow);
      success = true;
      return index;
    } finally {
      if (!success) {
        index.close();
      }
    }
  }

  public SearcherManager searchers() {
    return searchers;
  }

  /** True once the writer has read the stream to its end at least once since start. */
  public boolean caughtUp() {
    return caughtUp;
  }

  /** Asks the writer thread for a full rebuild from the table, into a new lineage; returns at once. */
  public void requestRebuild() {
    rebuildRequested = true;
  }

  private void follow() {
    StreamFollower stream = new StreamFollower(streams, streamArn(), checkpoint);
    while (!stopping) {
      try {
        if (rebuildRequested) {
          rebuildRequested = false;
          rebuildFromTable(checkpoint); // then replays from before the scan: what changed during it is kept
        }
        int seen = stream.pollOnce(this::applyBatch);
        commitIfDue(seen == 0);
        announce();
        if (seen == 0) {
          caughtUp = true;
          Thread.sleep(IDLE_PAUSE);
        }
      } catch (InterruptedException e) {
        return;
      } catch (StreamFollower.CheckpointLostException lost) {
        LOG.atWarn().setCause(lost).log("stream checkpoint lost; rebuilding the index from the table");
        rebuildQuietly();
        stream = new StreamFollower(streams, streamArn(), checkpoint);
      } catch (Exception e) {
        if (stopping) {
          return;
        }
        LOG.atWarn().setCause(e).log("index writer: a stream poll failed; retrying");
        pause();
      }
    }
  }

  private void applyBatch(List<CatalogChange> changes, Map<String, String> after) throws IOException {
    if (!changes.isEmpty() && applier.apply(changes).applied() > 0) {
      searchers.maybeRefresh();
      dirty = true;
    }
    checkpoint = after;
  }

  /**
   * Applied changes are committed as soon as the stream is idle (at least every second while it is busy), so
   * replicas see them quickly; a checkpoint that moved alone is committed every few seconds.
   */
  private void commitIfDue(boolean idle) throws IOException {
    long since = System.nanoTime() - lastCommitNanos;
    boolean due = dirty ? idle || since >= COMMIT_BUSY_EVERY.toNanos()
        : !checkpoint.equals(committedCheckpoint) && since >= COMMIT_IDLE_EVERY.toNanos();
    if (due) {
      commit();
    }
  }

  /** Commits what was applied, with the stream checkpoint it includes and the lineage. */
  private void commit() throws IOException {
    Map<String, String> userData = checkpoint.entrySet().stream()
        .collect(Collectors.toMap(e -> CHECKPOINT_PREFIX + e.getKey(), Map.Entry::getValue));
    userData.put(LINEAGE, lineage);
    writer.setLiveCommitData(userData.entrySet());
    writer.commit();
    lastCommitNanos = System.nanoTime();
    committedCheckpoint = checkpoint;
    dirty = false;
    unannounced = true;
  }

  /**
   * Hands the newest commit to the listener while a snapshot keeps its files on disk. A listener that fails (the
   * store is unreachable) is tried again on the next round, so no commit goes unpublished for long.
   */
  private void announce() {
    if (!unannounced) {
      return;
    }
    try {
      IndexCommit commit = commits.snapshot();
      try {
        listener.committed(commit, lineage);
        unannounced = false;
      } finally {
        commits.release(commit);
        writer.deleteUnusedFiles();
      }
    } catch (Exception e) {
      LOG.atWarn().setCause(e).log("a commit could not be handed on; retrying");
      pause();
    }
  }

  /** Scans the table into the index and commits; the stream is then followed from its start, idempotently. */
  private void rebuildFromTable() throws IOException {
    rebuildFromTable(Map.of());
  }

  /** Rebuilds from a table scan into a new lineage; the stream is then followed from {@code resumeAt}. */
  private void rebuildFromTable(Map<String, String> resumeAt) throws IOException {
    TableRebuild.Result result = TableRebuild.into(writer, dynamo, table, REBUILD_SEGMENTS);
    checkpoint = resumeAt;
    lineage = newLineage();
    commit();
    searchers.maybeRefresh();
    announce();
    LOG.atInfo().addKeyValue("tracks", result.tracks()).addKeyValue("unreadable", result.unreadable()).addKeyValue("lineage", lineage)
        .addKeyValue("tookMs", result.took().toMillis()).log("index built from the table");
  }

  /** A lineage id: sortable by time, unique by chance, of the characters a store key allows. */
  static String newLineage() {
    return LINEAGE_TIME.format(java.time.Instant.now()) + "-"
        + java.util.HexFormat.of().toHexDigits(java.util.concurrent.ThreadLocalRandom.current().nextInt());
  }

  private void rebuildQuietly() {
    try {
      rebuildFromTable();
    } catch (IOException e) {
      LOG.atError().setCause(e).log("index rebuild failed");
      pause();
    }
  }

  private Map<String, String> storedUserData() throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return Map.of();
    }
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      return reader.getIndexCommit().getUserData();
    }
  }

  private static Map<String, String> checkpointOf(Map<String, String> userData) {
    Map<String, String> stored = new HashMap<>();
    userData.forEach((key, value) -> {
      if (key.startsWith(CHECKPOINT_PREFIX)) {
        stored.put(key.substring(CHECKPOINT_PREFIX.length()), value);
      }
    });
    return stored;
  }

  private String streamArn() {
    return dynamo.describeTable(b -> b.tableName(table)).table().latestStreamArn();
  }

  private static void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws IOException {
    stopping = true;
    if (follower != null) {
      // No interrupt: interrupting a thread inside file I/O closes Lucene's channels, the write lock's among them.
      // The follower sees the flag within one idle pause or one poll.
      try {
        follower.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      if (writer.isOpen()) {
        commit();
        announce();
      }
    } finally {
      searchers.close();
      writer.close();
      directory.close();
    }
  }
}
