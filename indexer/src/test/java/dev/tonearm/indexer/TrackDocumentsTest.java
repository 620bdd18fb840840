package dev.tonearm.indexer;

import static dev.tonearm.indexer.MusicFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Track;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class TrackDocumentsTest {

  @Test
  void a_hit_renders_from_stored_fields_alone() throws IOException {
    IndexSearcher searcher = FixtureIndex.of(List.of(GET_LUCKY)).searcher();
    Document doc = searcher.storedFields().document(0);
    assertThat(doc.get(SearchSchema.ID)).isEqualTo(GET_LUCKY.id());
    assertThat(doc.get(SearchSchema.TITLE)).isEqualTo("Get Lucky");
    assertThat(doc.get(SearchSchema.ARTIST)).isEqualTo("Daft Punk feat. Pharrell Williams");
    assertThat(doc.get(SearchSchema.ALBUM)).isEqualTo("Random Access Memories");
    assertThat(doc.getValues(SearchSchema.GENRE)).containsExactly("Disco", "Electronic");
    assertThat(doc.getField(SearchSchema.YEAR).numericValue()).isEqualTo(2013);
    assertThat(doc.getField(SearchSchema.DURATION_MS).numericValue()).isEqualTo(200_000L);
    assertThat(doc.get(SearchSchema.VISIBILITY)).isEqualTo("public");
    assertThat(doc.getField(SearchSchema.VERSION).numericValue()).isEqualTo(1L);
    assertThat(doc.getField(SearchSchema.POPULARITY).numericValue()).isEqualTo(90f);
  }

  @Test
  void updating_by_id_replaces_the_previous_version() throws IOException {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    Track next = HEY_JUDE.nextVersion(Instant.parse("2024-01-01T00:00:00Z"));
    try (IndexWriter writer = new IndexWriter(directory, IndexLayout.writerConfig())) {
      for (Track track : List.of(HEY_JUDE, next)) {
        writer.updateDocument(new Term(SearchSchema.ID, track.id()), TrackDocuments.toDocument(track, 1f));
      }
    }
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      assertThat(reader.numDocs()).isEqualTo(1);
      NumericDocValues versions = reader.leaves().get(0).reader().getNumericDocValues(SearchSchema.VERSION);
      versions.advanceExact(0);
      assertThat(versions.longValue()).isEqualTo(2L);
    }
  }

  @Test
  void titles_sort_folded_and_case_insensitive() throws IOException {
    List<Track> tracks = List.of(ZORBA, OEUVRE, MOTORHEAD, LEON_BRIDGES_BEYOND, KESHA);
    assertThat(titles(tracks, new MatchAllDocsQuery(), new Sort(new SortField(SearchSchema.TITLE_SORT,
        SortField.Type.STRING)))).containsExactly("Ace of Spades", "Beyond", "Œuvre pour piano", "TiK ToK", "Zorba");
  }

  @Test
  void years_sort_and_filter_by_range_and_decade() throws IOException {
    List<Track> tracks = List.of(ZORBA, HEY_JUDE, THUNDERSTRUCK, REM, GET_LUCKY);
    assertThat(titles(tracks, IntPoint.newRangeQuery(SearchSchema.YEAR, 1960, 1989), byYear()))
        .containsExactly("Zorba", "Hey Jude");
    assertThat(titles(tracks, new TermQuery(new Term(SearchSchema.DECADE, "1990s")), byYear()))
        .containsExactly("Thunderstruck", "Losing My Religion");
  }

  @Test
  void recently_added_sorts_by_creation_time() throws IOException {
    Sort newestFirst = new Sort(new SortField(SearchSchema.CREATED_AT, SortField.Type.LONG, true));
    assertThat(titles(List.of(HALOGEN, ALICE_DEMO, HEY_JUDE), new MatchAllDocsQuery(), newestFirst))
        .containsExactly("Demo Tape", "Halogen", "Hey Jude");
  }

  @Test
  void popularity_must_be_a_non_negative_number() {
    assertThatThrownBy(() -> TrackDocuments.toDocument(HEY_JUDE, -1f)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TrackDocuments.toDocument(HEY_JUDE, Float.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(TrackDocuments.toDocument(HEY_JUDE, Float.POSITIVE_INFINITY).get(SearchSchema.ID))
        .isEqualTo(HEY_JUDE.id());
  }

  @Test
  void ratings_filter_by_average_and_count_cumulatively_by_star() throws IOException {
    List<Track> tracks = List.of(HEY_JUDE.withRating(new Rating(17, 4)), ZORBA.withRating(new Rating(12, 3)),
        THUNDERSTRUCK.withRating(new Rating(5, 2)), REM);
    assertThat(titles(tracks, DoubleField.newRangeQuery(SearchSchema.RATING_AVERAGE, 4, Double.POSITIVE_INFINITY),
        byYear())).containsExactly("Zorba", "Hey Jude"); // 4.25, and exactly 4.0
    IndexSearcher searcher = FixtureIndex.of(tracks).searcher();
    FacetsCollector all = searcher.search(new MatchAllDocsQuery(), new FacetsCollectorManager());
    FacetResult stars = new SortedSetDocValuesFacetCounts(
        new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), TrackDocuments.FACETS), all)
        .getAllChildren(SearchSchema.RATING);
    assertThat(stars.labelValues).extracting(lv -> lv.label + "=" + lv.value)
        .containsExactlyInAnyOrder("1=3", "2=3", "3=2", "4=2");
    Document stored = searcher.storedFields().document(
        searcher.search(new TermQuery(new Term(SearchSchema.ID, HEY_JUDE.id())), 1).scoreDocs[0].doc);
    assertThat(stored.getField(SearchSchema.RATING_AVERAGE).numericValue()).isEqualTo(4.25);
    assertThat(stored.getField(SearchSchema.RATING_COUNT).numericValue()).isEqualTo(4L);
  }

  private static Sort byYear() {
    return new Sort(new SortField(SearchSchema.YEAR, SortField.Type.INT));
  }

  private static List<String> titles(List<Track> tracks, Query query, Sort sort) throws IOException {
    IndexSearcher searcher = FixtureIndex.of(tracks).searcher();
    List<String> titles = new ArrayList<>();
    for (ScoreDoc hit : searcher.search(query, 10, sort).scoreDocs) {
      titles.add(searcher.storedFields().document(hit.doc).get(SearchSchema.TITLE));
    }
    return titles;
  }
}
