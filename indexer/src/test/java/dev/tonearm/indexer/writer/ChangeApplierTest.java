package dev.tonearm.indexer.writer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tonearm.catalog.AudioFeatures;
import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackStatus;
import dev.tonearm.catalog.Visibility;
import dev.tonearm.catalog.dynamo.TrackItems;
import dev.tonearm.indexer.AudioVectors;
import dev.tonearm.indexer.IndexLayout;
import dev.tonearm.indexer.SearchSchema;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Duplicates, replays and out-of-order deliveries of stream changes leave the index at the newest versions. */
class ChangeApplierTest {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  private IndexWriter writer;
  private SearcherManager nrt;
  private ChangeApplier applier;

  @BeforeEach
  void open() throws IOException {
    writer = new IndexWriter(new ByteBuffersDirectory(), IndexLayout.writerConfig());
    nrt = new SearcherManager(writer, null);
    applier = new ChangeApplier(writer, nrt);
  }

  @AfterEach
  void close() throws IOException {
    nrt.close();
    writer.close();
  }

  static CatalogChange upsert(String id, String title, long version) {
    return new CatalogChange.Upserted(new Track(id, title, List.of("Motörhead"), null, null, null, List.of(),
        null, null, null, null, null, "lemmy", Visibility.PUBLIC, null, Map.of(), TrackStatus.METADATA_ONLY, T0,
        T0, version, Rating.NONE, null));
  }

  @Test
  void a_newer_version_replaces_an_older_one_and_a_duplicate_changes_nothing() throws IOException {
    assertThat(applier.apply(List.of(upsert("t1", "Ace of Spades", 1))).applied()).isEqualTo(1);
    assertThat(applier.apply(List.of(upsert("t1", "Ace of Spades (Live)", 2))).applied()).isEqualTo(1);
    assertThat(applier.apply(List.of(upsert("t1", "Ace of Spades (Live)", 2))).skipped()).isEqualTo(1);
    assertThat(state("t1")).isEqualTo("Ace of Spades (Live)@2");
  }

  @Test
  void audio_features_in_a_stream_image_become_the_vector_and_removing_them_removes_it() throws IOException {
    AudioFeatures loud = new AudioFeatures(0.33, 0.98, 0.4, 0.0002, 0.01, 0.1, 0.2, 141.3, -4.2, 6, 1);
    Track described = upsertedTrack(upsert("t1", "Ace of Spades", 1)).withAudioFeatures(loud);
    applier.apply(List.of(StreamChanges.of("INSERT", Map.of(), TrackItems.toItem(described)).orElseThrow()));
    assertThat(vector("t1")).containsExactly(AudioVectors.of(loud));
    Track forgotten = upsertedTrack(upsert("t1", "Ace of Spades", 2));
    applier.apply(List.of(StreamChanges.of("MODIFY", TrackItems.toItem(described), TrackItems.toItem(forgotten))
        .orElseThrow()));
    assertThat(vector("t1")).isNull();
    assertThat(state("t1")).isEqualTo("Ace of Spades@2");
  }

  private static Track upsertedTrack(CatalogChange change) {
    return ((CatalogChange.Upserted) change).track();
  }

  private float[] vector(String id) throws IOException {
    nrt.maybeRefreshBlocking();
    IndexSearcher searcher = nrt.acquire();
    try {
      int doc = searcher.search(new TermQuery(new Term(SearchSchema.ID, id)), 1).scoreDocs[0].doc;
      return AudioVectors.ofDocument(searcher, doc);
    } finally {
      nrt.release(searcher);
    }
  }

  @Test
  void an_older_version_arriving_late_is_ignored() throws IOException {
    applier.apply(List.of(upsert("t1", "Overkill", 3), upsert("t1", "Overkil", 2)));
    applier.apply(List.of(upsert("t1", "Overkl", 1)));
    assertThat(state("t1")).isEqualTo("Overkill@3");
  }

  @Test
  void a_delete_leaves_a_tombstone_that_a_replayed_upsert_cannot_revive() throws IOException {
    applier.apply(List.of(upsert("t1", "Iron Fist", 1), upsert("t1", "Iron Fist", 2)));
    applier.apply(List.of(new CatalogChange.Removed("t1", 2)));
    assertThat(state("t1")).isEqualTo("tombstone@2");
    applier.apply(List.of(upsert("t1", "Iron Fist", 1), upsert("t1", "Iron Fist", 2)));
    assertThat(state("t1")).isEqualTo("tombstone@2");
  }

  @Test
  void a_whole_stream_replayed_twice_gives_the_same_index() throws IOException {
    List<CatalogChange> stream = List.of(upsert("a", "Bomber", 1), upsert("b", "Killed by Death", 1),
        upsert("a", "Bomber!", 2), new CatalogChange.Removed("b", 1), upsert("c", "Orgasmatron", 1));
    applier.apply(stream);
    String once = state("a") + state("b") + state("c");
    applier.apply(stream);
    applier.apply(stream.reversed());
    assertThat(state("a") + state("b") + state("c")).isEqualTo(once).isEqualTo("Bomber!@2tombstone@1Orgasmatron@1");
  }

  @Test
  void a_rating_arrives_as_a_newer_version_with_its_average_and_popularity_and_a_stale_one_is_ignored()
      throws IOException {
    CatalogChange.Upserted unrated = (CatalogChange.Upserted) upsert("t1", "Ace of Spades", 1);
    Track rated = unrated.track().nextVersion(T0).withRating(new Rating(9, 2));
    applier.apply(List.of(unrated, new CatalogChange.Upserted(rated), unrated));
    nrt.maybeRefreshBlocking();
    IndexSearcher searcher = nrt.acquire();
    try {
      var doc = searcher.storedFields().document(
          searcher.search(new TermQuery(new Term(SearchSchema.ID, "t1")), 1).scoreDocs[0].doc);
      assertThat(doc.getField(SearchSchema.VERSION).numericValue()).isEqualTo(2L);
      assertThat(doc.getField(SearchSchema.RATING_AVERAGE).numericValue()).isEqualTo(4.5);
      assertThat(doc.getField(SearchSchema.POPULARITY).numericValue().floatValue())
          .isEqualTo((float) (4.5 * Math.log(3)));
    } finally {
      nrt.release(searcher);
    }
  }

  /** "title@version" of the one document for {@code id}, or "tombstone@version". */
  private String state(String id) throws IOException {
    nrt.maybeRefreshBlocking();
    IndexSearcher searcher = nrt.acquire();
    try {
      var hits = searcher.search(new TermQuery(new Term(SearchSchema.ID, id)), 10);
      assertThat(hits.totalHits.value()).isEqualTo(1);
      var doc = searcher.storedFields().document(hits.scoreDocs[0].doc);
      String title = doc.get(SearchSchema.TITLE);
      return (title == null ? "tombstone" : title) + "@" + doc.getField(SearchSchema.VERSION).numericValue();
    } finally {
      nrt.release(searcher);
    }
  }
}
