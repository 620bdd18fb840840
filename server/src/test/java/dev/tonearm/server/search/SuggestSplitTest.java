package dev.tonearm.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.Viewer;
import dev.tonearm.catalog.Visibility;
import dev.tonearm.indexer.SearchSchema;
import dev.tonearm.indexer.TrackDocuments;
import dev.tonearm.indexer.TrackQueries;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Suggest answers broad text from a shared public part and the caller's own private part, searched only above the
 * public page's last score. Whatever the popularities, the tracks must be exactly those one exhaustive search over
 * what the caller may see ranks first.
 */
class SuggestSplitTest {
  private static final int LIMIT = 10;
  private static TrackIndex catalog;
  private static SearcherManager searchers;
  private static SuggestService suggest;

  @BeforeAll
  static void index() throws IOException {
    List<Track> tracks = new ArrayList<>();
    // Public tracks of every popularity, private ones of bob and carol above, among and below them.
    for (int i = 0; i < 300; i++) {
      tracks.add(track("p" + i, (i % 3 == 0 ? "Bed " : "Bell ") + i, "lisa", Visibility.PUBLIC, ratingOf(i)));
    }
    for (int i = 0; i < 40; i++) {
      tracks.add(track("b" + i, "Bedroom " + i, "bob", Visibility.PRIVATE, ratingOf(7 * i + 3)));
      tracks.add(track("c" + i, "Bell Tower " + i, "carol", Visibility.PRIVATE, ratingOf(11 * i + 1)));
    }
    catalog = TrackIndex.of(tracks.stream().map(TrackDocuments::toDocument).toList());
    searchers = catalog.searchers();
    suggest = new SuggestService(catalog.index(), new FacetStates());
  }

  @AfterAll
  static void close() throws IOException {
    catalog.close();
  }

  @Test
  void broad_text_suggests_exactly_what_one_search_over_the_visible_tracks_ranks_first() throws IOException {
    for (String user : List.of("bob", "carol", "lisa")) {
      Viewer viewer = new Viewer(user, false);
      for (String q : List.of("b", "be", "bed", "bel", "bell", "bedr", "bell ")) {
        assertThat(BroadAnswers.broad(q)).isTrue();
        assertThat(titles(suggest.suggest(viewer, q, LIMIT))).as(user + " typing " + q)
            .isEqualTo(exhaustive(viewer, q));
      }
    }
  }

  @Test
  void the_owners_popular_private_tracks_make_the_page_and_nobody_elses_do() throws IOException {
    assertThat(titles(suggest.suggest(new Viewer("bob", false), "be", LIMIT))).anyMatch(t -> t.startsWith("Bedroom"));
    assertThat(titles(suggest.suggest(new Viewer("carol", false), "be", LIMIT))).noneMatch(t -> t.startsWith("Bedroom"));
  }

  /** The top titles of one search that scores every visible match. */
  private static List<String> exhaustive(Viewer viewer, String q) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      int n = SuggestService.NAME_CANDIDATES;
      ScoreDoc[] hits = TrackQueries.typedFirst(q, n, match -> searcher.search(new BooleanQuery.Builder()
          .add(match, Occur.MUST).add(TrackQueries.visibleTo(viewer), Occur.FILTER).build(),
          new TopScoreDocCollectorManager(n, Integer.MAX_VALUE))).top().scoreDocs;
      List<String> titles = new ArrayList<>();
      for (int i = 0; i < Math.min(LIMIT, hits.length); i++) {
        titles.add(searcher.storedFields().document(hits[i].doc).get(SearchSchema.TITLE));
      }
      return titles;
    } finally {
      searchers.release(searcher);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> titles(Map<String, Object> body) {
    return ((List<Map<String, Object>>) body.get("tracks")).stream().map(t -> (String) t.get("title")).toList();
  }

  /** Spread over unrated and 1–5 stars from up to 40 listeners, so popularities differ widely. */
  private static Rating ratingOf(int n) {
    long count = n % 41;
    return count == 0 ? Rating.NONE : new Rating(count * (1 + n % 5), count);
  }

  private static Track track(String id, String title, String owner, Visibility visibility, Rating rating) {
    return TrackIndex.track(id, title, "Band", "Pop", owner, visibility, rating);
  }
}
