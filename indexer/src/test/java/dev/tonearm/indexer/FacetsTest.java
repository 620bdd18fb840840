package dev.tonearm.indexer;

import static dev.tonearm.indexer.MusicFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tonearm.catalog.Viewer;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

class FacetsTest {

  private static final FixtureIndex SMALL = FixtureIndex.of(
      List.of(GET_LUCKY, CAME_FOR, HEY_JUDE, TRIBUTE, THUNDERSTRUCK, TNT, ALICE_DEMO));
  private static final Viewer BOB = new Viewer("bob", false);
  private static final Viewer ALICE = new Viewer("alice", false);

  @Test
  void genres_count_every_genre_of_a_track() throws IOException {
    assertThat(counts(TrackQueries.visibleTo(BOB), SearchSchema.GENRE))
        .containsExactly("Electronic=2", "Hard Rock=2", "Rock=2", "Disco=1");
  }

  @Test
  void artists_count_each_credited_artist() throws IOException {
    assertThat(counts(TrackQueries.visibleTo(BOB), SearchSchema.ARTIST)).containsExactly(
        "AC/DC=2", "Beatles Tribute Band=1", "Calvin Harris=1", "Daft Punk=1", "Pharrell Williams=1",
        "The Beatles=1");
  }

  @Test
  void decades_and_albums_count_one_value_per_track() throws IOException {
    assertThat(counts(TrackQueries.visibleTo(BOB), SearchSchema.DECADE))
        .containsExactly("2010s=3", "1960s=1", "1970s=1", "1990s=1");
    assertThat(counts(TrackQueries.asYouType("acdc"), SearchSchema.ALBUM))
        .containsExactly("High Voltage=1", "The Razors Edge=1");
  }

  @Test
  void a_private_track_counts_only_for_its_owner() throws IOException {
    assertThat(counts(TrackQueries.visibleTo(BOB), SearchSchema.GENRE)).noneMatch(c -> c.startsWith("Lo-fi"));
    assertThat(counts(TrackQueries.visibleTo(ALICE), SearchSchema.GENRE)).contains("Lo-fi=1");
  }

  /** Facet counts as {@code "label=count"}, largest first, ties by label. */
  private static List<String> counts(Query query, String dimension) throws IOException {
    IndexSearcher searcher = SMALL.searcher();
    FacetsCollector hits = searcher.search(query, new FacetsCollectorManager());
    var state = new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), TrackDocuments.FACETS);
    FacetResult result = new SortedSetDocValuesFacetCounts(state, hits).getTopChildren(20, dimension);
    return Arrays.stream(result.labelValues)
        .sorted((a, b) -> a.value.intValue() != b.value.intValue()
            ? b.value.intValue() - a.value.intValue()
            : a.label.compareTo(b.label))
        .map(lv -> lv.label + "=" + lv.value)
        .toList();
  }
}
