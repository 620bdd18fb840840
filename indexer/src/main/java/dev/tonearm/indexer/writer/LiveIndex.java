package dev.tonearm.indexer.writer;

import dev.tonearm.catalog.dynamo.TrackItems;
import dev.tonearm.indexer.MusicAnalyzers;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The in-process index writer of the embedded stack: opens (or builds from a table scan) the index in a local
 * directory, then follows the table's stream on a background thread, applying changes idempotently and
 * refreshing readers within a fraction of a second. Each commit records the stream checkpoint it includes, so a
 * restart continues where it stopped. {@link #searchers()} serves readers in the same process.
 */
public final class LiveIndex implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveIndex.class);
  private static final String CHECKPOINT_PREFIX = "stream.";
  private static final Duration IDLE_PAUSE = Duration.ofMillis(100);
  private static final Duration COMMIT_EVERY = Duration.ofSeconds(5);

  private final DynamoDbClient dynamo;
  private final DynamoDbStreamsClient streams;
  private final String table;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ChangeApplier applier;
  private volatile boolean caughtUp;
  private volatile boolean stopping;
  private Thread follower;
  private Map<String, String> checkpoint = Map.of();
  private long lastCommitNanos = System.nanoTime();

  private LiveIndex(DynamoDbClient dynamo, DynamoDbStreamsClient streams, String table, Path dir)
      throws IOException {
    this.dynamo = dynamo;
    this.streams = streams;
    this.table = table;
    this.directory = FSDirectory.open(dir);
    this.writer = new IndexWriter(directory, new IndexWriterConfig(MusicAnalyzers.indexAnalyzer())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
    this.searchers = new SearcherManager(writer, null);
    this.applier = new ChangeApplier(writer, searchers);
  }

  /** Opens the index in {@code dir} (building it from the table when it has no commit) and starts following. */
  public static LiveIndex start(DynamoDbClient dynamo, DynamoDbStreamsClient streams, String table, Path dir)
      throws IOException {
    LiveIndex index = new LiveIndex(dynamo, streams, table, dir);
    boolean success = false;
    try {
      index.checkpoint = index.storedCheckpoint();
      if (!DirectoryReader.indexExists(index.directory)) {
        index.rebuildFromTable();
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

  private void follow() {
    StreamFollower stream = new StreamFollower(streams, streamArn(), checkpoint);
    while (!stopping) {
      try {
        int seen = stream.pollOnce(this::applyBatch);
        if (seen == 0) {
          caughtUp = true;
          commit(false);
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
    if (!changes.isEmpty()) {
      applier.apply(changes);
      searchers.maybeRefresh();
    }
    checkpoint = after;
  }

  /** Commits the applied changes with their checkpoint: every few seconds while idle, and at close. */
  private void commit(boolean now) throws IOException {
    if (!now && System.nanoTime() - lastCommitNanos < COMMIT_EVERY.toNanos()) {
      return;
    }
    Map<String, String> userData = checkpoint.entrySet().stream()
        .collect(Collectors.toMap(e -> CHECKPOINT_PREFIX + e.getKey(), Map.Entry::getValue));
    writer.setLiveCommitData(userData.entrySet());
    writer.commit();
    lastCommitNanos = System.nanoTime();
  }

  /** Scans the table into the index and commits; the stream is then followed from its start, idempotently. */
  private void rebuildFromTable() throws IOException {
    long began = System.nanoTime();
    writer.deleteAll();
    int tracks = 0;
    List<CatalogChange> batch = new ArrayList<>();
    for (var page : dynamo.scanPaginator(ScanRequest.builder().tableName(table).build())) {
      for (var item : page.items()) {
        if (TrackItems.isTrack(item)) {
          batch.add(new CatalogChange.Upserted(TrackItems.fromItem(item)));
        }
      }
      tracks += applier.apply(batch).applied();
      batch.clear();
    }
    checkpoint = Map.of();
    writer.setLiveCommitData(Map.<String, String>of().entrySet());
    writer.commit();
    searchers.maybeRefresh();
    LOG.atInfo().addKeyValue("tracks", tracks).addKeyValue("tookMs", (System.nanoTime() - began) / 1_000_000)
        .log("index built from the table");
  }

  private void rebuildQuietly() {
    try {
      rebuildFromTable();
    } catch (IOException e) {
      LOG.atError().setCause(e).log("index rebuild failed");
      pause();
    }
  }

  private Map<String, String> storedCheckpoint() throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return Map.of();
    }
    Map<String, String> stored = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      reader.getIndexCommit().getUserData().forEach((key, value) -> {
        if (key.startsWith(CHECKPOINT_PREFIX)) {
          stored.put(key.substring(CHECKPOINT_PREFIX.length()), value);
        }
      });
    }
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
        commit(true);
      }
    } finally {
      searchers.close();
      writer.close();
      directory.close();
    }
  }
}
