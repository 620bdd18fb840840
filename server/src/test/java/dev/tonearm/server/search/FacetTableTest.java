package dev.tonearm.server.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tonearm.indexer.SearchSchema;
import dev.tonearm.indexer.TrackDocuments;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * Facet counts from the in-memory table answer exactly as Lucene's own sorted-set counts do, over several segments
 * with deleted tracks, tracks without facets and multi-valued dimensions, and again after a refresh that shares
 * segments with the previous reader.
 */
class FacetTableTest {
  private static final List<String> DIMS = List.of(SearchSchema.GENRE, SearchSchema.ARTIST, SearchSchema.DECADE,
      SearchSchema.RATING);

  @Test
  void counts_match_lucene_sorted_set_counts_over_segments_deletes_and_refreshes() throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    Map<IndexReader.CacheKey, FacetTable.Segment> kept = new HashMap<>();
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(directory,
            new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
      int id = 0;
      for (int segment = 0; segment < 3; segment++) {
        for (int i = 0; i < 400; i++) {
          writer.addDocument(track(id++, random));
        }
        writer.commit();
      }
      writer.deleteDocuments(new Term("bucket", "3"));
      try (DirectoryReader first = DirectoryReader.open(writer)) {
        assertThat(first.leaves()).hasSize(3);
        compare(first, kept, random);
        assertThat(kept).hasSize(3);
        for (int i = 0; i < 150; i++) {
          writer.addDocument(track(id++, random)); // values no earlier track has: the reader's ordinals shift
        }
        writer.deleteDocuments(new Term("bucket", "5"));
        try (DirectoryReader second = DirectoryReader.openIfChanged(first, writer)) {
          compare(second, kept, random);
          assertThat(kept).hasSize(4); // only the new segment was uninverted
        }
      }
    }
    assertThat(kept).isEmpty(); // every segment closed with the writer and its readers: nothing is held on to
  }

  @Test
  void flat_dimensions_refuse_a_path_and_unknown_values_count_minus_one() throws Exception {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      writer.addDocument(track(1, new SplittableRandom(1)));
      try (DirectoryReader reader = DirectoryReader.open(writer)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        FacetTable table = FacetTable.of(new DefaultSortedSetDocValuesReaderState(reader, TrackDocuments.FACETS),
            new HashMap<>());
        Facets counts = table.count(searcher.search(new MatchAllDocsQuery(), new FacetsCollectorManager()));
        assertThat(counts.getSpecificValue(SearchSchema.GENRE, "No Such Genre")).isEqualTo(-1);
        assertThatThrownBy(() -> counts.getTopChildren(5, SearchSchema.GENRE, "Rock"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> counts.getTopChildren(0, SearchSchema.GENRE))
            .isInstanceOf(IllegalArgumentException.class);
      }
    }
  }

  private static void compare(DirectoryReader reader, Map<IndexReader.CacheKey, FacetTable.Segment> kept,
      SplittableRandom random) throws Exception {
    IndexSearcher searcher = new IndexSearcher(reader);
    DefaultSortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader,
        TrackDocuments.FACETS);
    FacetTable table = FacetTable.of(state, kept);
    for (int q = 0; q < 40; q++) {
      Query query = q == 0 ? new MatchAllDocsQuery() : buckets(random);
      FacetsCollector hits = searcher.search(query, new FacetsCollectorManager());
      Facets expected = new SortedSetDocValuesFacetCounts(state, hits);
      Facets actual = table.count(hits);
      for (String dim : DIMS) {
        for (int n : new int[] {1, 3, 10, 1000}) {
          assertThat(describe(actual.getTopChildren(n, dim)))
              .as("top %d of %s for %s", n, dim, query).isEqualTo(describe(expected.getTopChildren(n, dim)));
        }
        assertThat(describe(actual.getAllChildren(dim)))
            .as("all of %s for %s", dim, query).isEqualTo(describe(expected.getAllChildren(dim)));
      }
      for (String genre : List.of("Rock", "Pop", "Genre 9", "Missing")) {
        assertThat(actual.getSpecificValue(SearchSchema.GENRE, genre))
            .isEqualTo(expected.getSpecificValue(SearchSchema.GENRE, genre));
      }
    }
  }

  /** Tracks of some of the ten buckets: from a few tracks to most of them. */
  private static Query buckets(SplittableRandom random) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    int taken = 1 + random.nextInt(7);
    for (int i = 0; i < taken; i++) {
      any.add(new TermQuery(new Term("bucket", Integer.toString(random.nextInt(10)))), Occur.SHOULD);
    }
    return any.build();
  }

  private static String describe(FacetResult result) {
    return Objects.toString(result); // dim, value, child count and every label and count, in order
  }

  /** One track: one to three genres and artists from skewed lists (many ties), a decade, star buckets; a few bare. */
  private static Document track(int id, SplittableRandom random) {
    Document doc = new Document();
    doc.add(new StringField("bucket", Integer.toString(id % 10), Field.Store.NO));
    if (id % 17 == 0) {
      return doc; // a track without facet values
    }
    List<SortedSetDocValuesFacetField> facets = new java.util.ArrayList<>();
    int genres = 1 + random.nextInt(3);
    for (int i = 0; i < genres; i++) {
      facets.add(new SortedSetDocValuesFacetField(SearchSchema.GENRE, skewed(random, "Genre ", 12, "Rock", "Pop")));
    }
    int artists = 1 + random.nextInt(2);
    for (int i = 0; i < artists; i++) {
      facets.add(new SortedSetDocValuesFacetField(SearchSchema.ARTIST,
          skewed(random, "Artist " + (id >= 1200 ? "Late " : ""), 60, "Beyoncé", "AC/DC")));
    }
    facets.add(new SortedSetDocValuesFacetField(SearchSchema.DECADE, (1950 + 10 * random.nextInt(8)) + "s"));
    for (int stars = 1; stars <= random.nextInt(6); stars++) {
      facets.add(new SortedSetDocValuesFacetField(SearchSchema.RATING, Integer.toString(stars)));
    }
    facets.forEach(doc::add);
    return buildQuietly(doc);
  }

  private static Document buildQuietly(Document doc) {
    try {
      return TrackDocuments.FACETS.build(doc);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String skewed(SplittableRandom random, String prefix, int many, String... common) {
    return random.nextInt(3) == 0 ? common[random.nextInt(common.length)] : prefix + random.nextInt(many);
  }
}
