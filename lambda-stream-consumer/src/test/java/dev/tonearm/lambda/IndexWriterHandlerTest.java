package dev.tonearm.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackStatus;
import dev.tonearm.catalog.Visibility;
import dev.tonearm.catalog.dynamo.CatalogTable;
import dev.tonearm.catalog.dynamo.DynamoTrackRepository;
import dev.tonearm.catalog.dynamo.TrackItems;
import dev.tonearm.indexer.MusicAnalyzers;
import dev.tonearm.indexer.SearchSchema;
import dev.tonearm.indexer.TrackDocuments;
import dev.tonearm.localaws.LocalS3;
import dev.tonearm.snapshots.GenerationPublisher;
import dev.tonearm.snapshots.GenerationRestorer;
import dev.tonearm.snapshots.Manifest;
import dev.tonearm.snapshots.ReplicaIndex;
import dev.tonearm.snapshots.S3SnapshotStore;
import dev.tonearm.snapshots.SnapshotStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.index.DirectoryReader;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The handler invoked with event JSON made from DynamoDB Local's real stream records, publishing to S3Mock. After
 * every scenario the newest published generation must hold exactly the table's tracks at their latest versions.
 */
class IndexWriterHandlerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private AmazonDynamoDBLocal local;
  private DynamoTrackRepository tracks;
  private StreamTap stream;
  private SnapshotStore s3;
  /** What the handler talks to: the real store, or a failure while one is set. */
  private final AtomicReference<String> outage = new AtomicReference<>();
  private final AtomicReference<String> failOnManifest = new AtomicReference<>();

  @BeforeEach
  void start() {
    local = DynamoDBEmbedded.create();
    CatalogTable.createIfMissing(local.dynamoDbClient(), "catalog");
    tracks = new DynamoTrackRepository(local.dynamoDbClient(), "catalog", Clock.systemUTC());
    String arn = local.dynamoDbClient().describeTable(b -> b.tableName("catalog")).table().latestStreamArn();
    stream = new StreamTap(local.dynamoDbStreamsClient(), arn);
    s3 = new S3SnapshotStore(LocalS3.shared().client(), LocalS3.shared().freshBucket("index"), "");
  }

  @AfterEach
  void stop() {
    local.shutdown();
  }

  @Test
  void a_batch_is_applied_and_published_and_the_generation_equals_the_table() throws Exception {
    IndexWriterHandler handler = handler("writer");
    tracks.create(track("ace", "Ace of Spades"));
    tracks.create(track("bomber", "Bomber"));
    tracks.create(track("overkill", "Overkill"));
    tracks.update("ace", 1, t -> retitled(t, "Ace of Spades (Live)"));
    tracks.delete("bomber", 1);

    JsonNode answer = invoke(handler, stream.event(stream.take()));

    assertThat(answer.get("batchItemFailures")).isEmpty();
    assertThat(published()).isEqualTo(table()).containsEntry("ace", "Ace of Spades (Live)@2");
  }

  @Test
  void duplicate_and_out_of_order_batches_leave_the_index_equal_to_the_table() throws Exception {
    IndexWriterHandler handler = handler("writer");
    tracks.create(track("ace", "Ace of Spades"));
    List<ObjectNode> first = stream.take();
    tracks.update("ace", 1, t -> retitled(t, "Ace of Spades (Live)"));
    tracks.create(track("iron-fist", "Iron Fist"));
    tracks.delete("iron-fist", 1);
    List<ObjectNode> second = stream.take();

    invoke(handler, stream.event(second));
    invoke(handler, stream.event(first));
    invoke(handler, stream.event(second));
    invoke(handler, stream.event(concat(first, second)));

    assertThat(published()).isEqualTo(table()).containsOnlyKeys("ace").containsEntry("ace", "Ace of Spades (Live)@2");
  }

  @Test
  void a_poison_record_is_reported_alone_and_the_records_around_it_are_applied() throws Exception {
    IndexWriterHandler handler = handler("writer");
    tracks.create(track("ace", "Ace of Spades"));
    Map<String, AttributeValue> broken = new HashMap<>(TrackItems.toItem(track("broken", "Broken")));
    broken.put(CatalogTable.PK, AttributeValue.fromS(CatalogTable.trackPk("broken")));
    broken.remove(TrackItems.TITLE); // a track item no codec can read
    local.dynamoDbClient().putItem(b -> b.tableName("catalog").item(broken));
    tracks.create(track("overkill", "Overkill"));
    List<ObjectNode> records = stream.take();
    String poison = records.get(1).get("dynamodb").get("SequenceNumber").asText();

    JsonNode answer = invoke(handler, stream.event(records));

    assertThat(answer.get("batchItemFailures")).hasSize(1);
    assertThat(answer.get("batchItemFailures").get(0).get("itemIdentifier").asText()).isEqualTo(poison);
    assertThat(published()).containsOnlyKeys("ace", "overkill");
  }

  @Test
  void records_on_both_sides_of_a_shard_rollover_are_all_applied() throws Exception {
    IndexWriterHandler handler = handler("writer");
    tracks.create(track("ace", "Ace of Spades"));
    local.triggerShardRollovers();
    tracks.create(track("overkill", "Overkill"));
    tracks.update("ace", 1, t -> retitled(t, "Ace of Spades (Live)"));

    invoke(handler, stream.event(stream.take()));

    assertThat(published()).isEqualTo(table()).hasSize(2);
  }

  @Test
  void the_rebuild_event_publishes_a_new_lineage_holding_exactly_the_table() throws Exception {
    IndexWriterHandler handler = handler("writer");
    tracks.create(track("ace", "Ace of Spades"));
    invoke(handler, stream.event(stream.take()));
    String before = newest().lineage();
    tracks.create(track("overkill", "Overkill")); // not delivered by the stream yet: the scan finds it

    JsonNode answer = invoke(handler, "{\"action\":\"rebuild\"}");

    assertThat(answer.get("generation").asLong()).isEqualTo(newest().generation());
    assertThat(newest().lineage()).isNotEqualTo(before);
    assertThat(published()).isEqualTo(table()).hasSize(2);
    invoke(handler, stream.event(stream.take())); // the late stream records change nothing
    assertThat(published()).isEqualTo(table());
  }

  @Test
  void a_generation_of_an_older_index_layout_is_built_again_from_the_table_and_published_after_it()
      throws Exception {
    // What an earlier release published: unsorted segments holding a track the table no longer has.
    Path old = Files.createDirectories(tmp.resolve("old"));
    try (Directory directory = FSDirectory.open(old);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(MusicAnalyzers.indexAnalyzer()))) {
      writer.addDocument(TrackDocuments.toDocument(track("gone", "Killed by Death"), 1f));
      writer.commit();
      new GenerationPublisher(s3, Optional.empty()).publish(DirectoryReader.listCommits(directory).getLast(),
          "20260101T000000Z-0000abcd");
    }
    tracks.create(track("ace", "Ace of Spades"));

    JsonNode answer = invoke(handler("writer"), stream.event(stream.take()));

    assertThat(answer.get("batchItemFailures")).isEmpty();
    assertThat(newest().generation()).isEqualTo(2);
    assertThat(newest().lineage()).isNotEqualTo("20260101T000000Z-0000abcd");
    assertThat(published()).isEqualTo(table()).containsOnlyKeys("ace");
  }

  @Test
  void a_second_writer_continues_from_the_newest_generation_whoever_published_it() throws Exception {
    IndexWriterHandler first = handler("first");
    IndexWriterHandler second = handler("second");
    tracks.create(track("ace", "Ace of Spades"));
    invoke(first, stream.event(stream.take()));
    tracks.create(track("overkill", "Overkill"));
    invoke(second, stream.event(stream.take()));
    tracks.update("ace", 1, t -> retitled(t, "Ace of Spades (Live)"));

    invoke(first, stream.event(stream.take())); // its warm session is stale: it restores the newest first

    assertThat(published()).isEqualTo(table()).hasSize(2);
  }

  @Test
  void a_writer_dying_after_its_uploads_leaves_no_torn_generation_and_the_retry_publishes() throws Exception {
    IndexWriterHandler handler = handler("writer");
    tracks.create(track("ace", "Ace of Spades"));
    invoke(handler, stream.event(stream.take()));
    long before = newest().generation();
    tracks.create(track("overkill", "Overkill"));
    List<ObjectNode> batch = stream.take();
    failOnManifest.set("the writer died before its manifest");

    assertThatThrownBy(() -> invoke(handler, stream.event(batch))).hasMessageContaining("died");
    assertThat(newest().generation()).isEqualTo(before);
    assertThat(published()).containsOnlyKeys("ace");

    failOnManifest.set(null);
    invoke(handler("successor"), stream.event(batch)); // Lambda's retry, perhaps in a new container
    assertThat(published()).isEqualTo(table()).hasSize(2);
  }

  @Test
  void an_unreachable_store_fails_the_batch_for_a_retry_and_the_writer_recovers() throws Exception {
    IndexWriterHandler handler = handler("writer");
    tracks.create(track("ace", "Ace of Spades"));
    invoke(handler, stream.event(stream.take()));
    tracks.create(track("overkill", "Overkill"));
    List<ObjectNode> batch = stream.take();
    outage.set("S3 is unreachable");

    assertThatThrownBy(() -> invoke(handler, stream.event(batch))).hasMessageContaining("unreachable");

    outage.set(null);
    invoke(handler, stream.event(batch));
    assertThat(published()).isEqualTo(table()).hasSize(2);
  }

  @Test
  void an_event_it_does_not_handle_is_refused_clearly() {
    assertThatThrownBy(() -> invoke(handler("writer"), "{\"detail-type\":\"something else\"}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rebuild");
  }

  private IndexWriterHandler handler(String name) throws Exception {
    return new IndexWriterHandler(new IndexWriterService(faulty(s3), local.dynamoDbClient(), "catalog",
        Files.createDirectories(tmp.resolve(name)), 3));
  }

  /** The store, failing every call during an outage, and manifest creations while one is armed to fail. */
  private SnapshotStore faulty(SnapshotStore store) {
    return (SnapshotStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {SnapshotStore.class},
        (proxy, method, args) -> {
          if (outage.get() != null) {
            throw new java.io.UncheckedIOException(new java.io.IOException(outage.get()));
          }
          if (failOnManifest.get() != null && method.getName().equals("createIfAbsent")
              && String.valueOf(args[0]).startsWith("manifests/")) {
            throw new IllegalStateException(failOnManifest.get());
          }
          try {
            return method.invoke(store, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private static JsonNode invoke(IndexWriterHandler handler, String event) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
    return JSON.readTree(out.toByteArray());
  }

  private Manifest newest() throws Exception {
    return new GenerationRestorer(s3).newest().orElseThrow();
  }

  /** id → "title@version" of every live document of the newest published generation. */
  private Map<String, String> published() throws Exception {
    Path dir = Files.createTempDirectory(tmp, "check");
    try (ReplicaIndex replica = ReplicaIndex.open(s3, dir)) {
      IndexSearcher searcher = replica.searchers().acquire();
      try {
        Map<String, String> out = new TreeMap<>();
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc hit : searcher.search(new MatchAllDocsQuery(), 1000).scoreDocs) {
          var doc = stored.document(hit.doc);
          if (doc.get(SearchSchema.TITLE) != null) {
            out.put(doc.get(SearchSchema.ID), doc.get(SearchSchema.TITLE) + "@"
                + doc.getField(SearchSchema.VERSION).numericValue());
          }
        }
        return out;
      } finally {
        replica.searchers().release(searcher);
      }
    }
  }

  /** id → "title@version" of every readable track in the table. */
  private Map<String, String> table() {
    Map<String, String> out = new TreeMap<>();
    for (var item : local.dynamoDbClient().scan(b -> b.tableName("catalog")).items()) {
      if (TrackItems.isTrack(item) && item.containsKey(TrackItems.TITLE)) {
        Track t = TrackItems.fromItem(item);
        out.put(t.id(), t.title() + "@" + t.version());
      }
    }
    return out;
  }

  private static List<ObjectNode> concat(List<ObjectNode> a, List<ObjectNode> b) {
    List<ObjectNode> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static Track track(String id, String title) {
    Instant now = Instant.parse("2026-11-01T00:00:00Z");
    return new Track(id, title, List.of("Motörhead"), null, "Overkill", null, List.of("Metal"), 1979, 200_000L,
        1, 1, null, "lemmy", Visibility.PUBLIC, null, Map.of(), TrackStatus.METADATA_ONLY, now, now, 1, Rating.NONE,
        null);
  }

  private static Track retitled(Track t, String title) {
    return new Track(t.id(), title, t.artists(), t.artist(), t.album(), t.albumArtist(), t.genres(), t.year(),
        t.durationMs(), t.trackNumber(), t.discNumber(), t.fileName(), t.owner(), t.visibility(), t.sha256(),
        t.mediaKeys(), t.status(), t.createdAt(), t.updatedAt(), t.version(), t.rating(),
        t.audioFeatures());
  }
}
