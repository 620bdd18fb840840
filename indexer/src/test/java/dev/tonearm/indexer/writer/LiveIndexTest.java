package dev.tonearm.indexer.writer;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackStatus;
import dev.tonearm.catalog.Visibility;
import dev.tonearm.catalog.dynamo.CatalogTable;
import dev.tonearm.catalog.dynamo.DynamoTrackRepository;
import dev.tonearm.indexer.IndexLayout;
import dev.tonearm.indexer.MusicAnalyzers;
import dev.tonearm.indexer.SearchSchema;
import dev.tonearm.indexer.TrackDocuments;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process writer against DynamoDB Local's real stream: follows it, survives rollovers and restarts. */
class LiveIndexTest {
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  @TempDir Path dir;
  private AmazonDynamoDBLocal local;
  private DynamoTrackRepository tracks;

  @BeforeEach
  void start() {
    local = DynamoDBEmbedded.create();
    CatalogTable.createIfMissing(local.dynamoDbClient(), "catalog");
    tracks = new DynamoTrackRepository(local.dynamoDbClient(), "catalog", Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    local.shutdown();
  }

  @Test
  void the_index_follows_creates_updates_deletes_shard_rollovers_and_a_restart() throws Exception {
    tracks.create(track("a", "Ace of Spades"));
    try (LiveIndex index = open()) {
      tracks.create(track("b", "Bomber"));
      tracks.update("a", 1, t -> retitled(t, "Ace of Spades (Live)"));
      awaitReconciled(index);
      local.triggerShardRollovers();
      tracks.create(track("c", "Overkill"));
      tracks.delete("b", 1);
      awaitReconciled(index);
      assertThat(indexed(index)).containsOnlyKeys("a", "c").containsEntry("a", "Ace of Spades (Live)@2");
    }
    tracks.create(track("d", "Iron Fist"));
    try (LiveIndex reopened = open()) {
      awaitReconciled(reopened);
      assertThat(indexed(reopened)).containsOnlyKeys("a", "c", "d");
    }
  }

  @Test
  void an_index_of_an_older_layout_is_built_again_from_the_table() throws Exception {
    tracks.create(track("a", "Ace of Spades"));
    // What an earlier release left on disk: unsorted segments, a lineage, and a track the table no longer has.
    try (Directory old = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(old, new IndexWriterConfig(MusicAnalyzers.indexAnalyzer()))) {
      writer.addDocument(TrackDocuments.toDocument(track("gone", "Killed by Death"), 1f));
      writer.setLiveCommitData(Map.of(LiveIndex.LINEAGE, "20260101T000000Z-0000abcd").entrySet());
      writer.commit();
    }
    try (Directory old = FSDirectory.open(dir)) {
      assertThat(IndexLayout.current(old)).isFalse();
    }
    try (LiveIndex index = open()) {
      awaitReconciled(index);
      assertThat(indexed(index)).containsOnlyKeys("a");
    }
    try (Directory rebuilt = FSDirectory.open(dir)) {
      assertThat(IndexLayout.current(rebuilt)).isTrue();
    }
  }

  private LiveIndex open() throws IOException {
    return LiveIndex.start(local.dynamoDbClient(), local.dynamoDbStreamsClient(), "catalog", dir);
  }

  /** Waits until the index holds exactly the table's tracks at their current versions. */
  private void awaitReconciled(LiveIndex index) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    Map<String, String> expected = new TreeMap<>();
    for (String id : List.of("a", "b", "c", "d")) {
      tracks.get(id).ifPresent(t -> expected.put(id, t.title() + "@" + t.version()));
    }
    while (!indexed(index).equals(expected)) {
      if (System.nanoTime() > deadline) {
        assertThat(indexed(index)).as("index vs table").isEqualTo(expected);
      }
      Thread.sleep(20);
    }
  }

  /** id → "title@version" of every live (non-tombstone) document. */
  private static Map<String, String> indexed(LiveIndex index) throws IOException {
    index.searchers().maybeRefreshBlocking();
    IndexSearcher searcher = index.searchers().acquire();
    try {
      Map<String, String> out = new TreeMap<>();
      StoredFields stored = searcher.storedFields();
      for (ScoreDoc hit : searcher.search(new MatchAllDocsQuery(), 100).scoreDocs) {
        var doc = stored.document(hit.doc);
        if (doc.get(SearchSchema.TITLE) != null) {
          out.put(doc.get(SearchSchema.ID), doc.get(SearchSchema.TITLE) + "@"
              + doc.getField(SearchSchema.VERSION).numericValue());
        }
      }
      return out;
    } finally {
      index.searchers().release(searcher);
    }
  }

  private static Track track(String id, String title) {
    Instant now = Instant.parse("2026-11-01T00:00:00Z");
    return new Track(id, title, List.of("Motörhead"), null, null, null, List.of("Metal"), 1980, null, null, null,
        null, "lemmy", Visibility.PUBLIC, null, Map.of(), TrackStatus.METADATA_ONLY, now, now, 1, Rating.NONE, null);
  }

  private static Track retitled(Track t, String title) {
    return new Track(t.id(), title, t.artists(), t.artist(), t.album(), t.albumArtist(), t.genres(), t.year(),
        t.durationMs(), t.trackNumber(), t.discNumber(), t.fileName(), t.owner(), t.visibility(), t.sha256(),
        t.mediaKeys(), t.status(), t.createdAt(), t.updatedAt(), t.version(), t.rating(),
        t.audioFeatures());
  }
}
