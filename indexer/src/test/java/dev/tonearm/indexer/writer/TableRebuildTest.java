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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TableRebuildTest {
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
  void a_parallel_scan_indexes_every_track_exactly_once_and_replaces_what_the_writer_held() throws Exception {
    List<Track> created = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      created.add(track("t" + i, "Song " + i));
    }
    tracks.createAll(created);
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, IndexLayout.writerConfig())) {
      writer.addDocument(dev.tonearm.indexer.TrackDocuments.toDocument(track("stale", "Gone"), 0f));
      writer.commit();

      TableRebuild.Result result = TableRebuild.into(writer, local.dynamoDbClient(), "catalog", 4);
      writer.commit();

      assertThat(result.tracks()).isEqualTo(250);
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertThat(reader.numDocs()).isEqualTo(250);
      }
    }
  }

  private static Track track(String id, String title) {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    return new Track(id, title, List.of("Motörhead"), null, "Overkill", null, List.of("Metal"), 1979, 200_000L,
        1, 1, null, "lemmy", Visibility.PUBLIC, null, null, TrackStatus.METADATA_ONLY, now, now, 1, Rating.NONE, null);
  }
}
