package dev.tonearm.server.bench;

import dev.tonearm.catalog.Viewer;
import dev.tonearm.server.auth.DevIssuer;
import dev.tonearm.server.search.DiscoverRequest;
import dev.tonearm.server.search.DiscoverService;
import dev.tonearm.server.search.FacetStates;
import dev.tonearm.server.search.SearchIndex;
import dev.tonearm.server.search.SuggestService;
import dev.tonearm.server.tracks.Cursors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The same requests as {@link BenchServer}'s, answered by the search services directly: the Lucene queries, facet
 * counting, stored-field reads and the building of the answer's maps, without HTTP, token checks or JSON.
 */
final class InProcess {
  static final int SUGGEST_LIMIT = 10;
  static final int SEARCH_LIMIT = 20;

  private final SuggestService suggest;
  private final DiscoverService discover;
  private final List<Viewer> viewers = new ArrayList<>();

  InProcess(SearchIndex index) {
    FacetStates facetStates = new FacetStates();
    suggest = new SuggestService(index, facetStates);
    discover = new DiscoverService(index, facetStates, new Cursors(new byte[32]));
    for (int u = 0; u < CatalogGenerator.USERS; u++) {
      viewers.add(new Viewer(DevIssuer.subjectFor(CatalogGenerator.username(u)), false));
    }
  }

  void suggest(long n, String q) throws IOException {
    suggest.suggest(viewer(n), q, SUGGEST_LIMIT);
  }

  void search(long n, QuerySet.SearchCase search) throws IOException {
    discover.search(viewer(n), new DiscoverRequest(search.q().isBlank() ? null : search.q(), search.genres(),
        List.of(), List.of(), search.decades(), null, null, null, DiscoverRequest.Sort.RELEVANCE, SEARCH_LIMIT, null));
  }

  private Viewer viewer(long n) {
    return viewers.get((int) (n % viewers.size()));
  }
}
