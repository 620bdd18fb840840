package dev.tonearm.server.search;

import dev.tonearm.catalog.Viewer;
import dev.tonearm.indexer.SearchSchema;
import dev.tonearm.indexer.TrackQueries;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.TopDocs;

/**
 * Search-as-you-type. Tracks come ranked by {@link TrackQueries#asYouType}; artists and albums are the names
 * among the matches that the typed words themselves match, ordered by their best track's rank, with their count
 * of matching visible tracks; completions are the distinct names of the top tracks that continue what was typed.
 */
public final class SuggestService {
  /** Top tracks whose albums and names feed the album and completion lists: each is a stored-fields read. */
  static final int NAME_CANDIDATES = 50;
  static final int NAME_LIMIT = 5;
  /** Artist labels of the matches considered, most frequent first: bounds the work of one-letter queries. */
  static final int MAX_NAME_LABELS = 1000;

  private final SearchIndex index;
  private final FacetStates facetStates;

  public SuggestService(SearchIndex index, FacetStates facetStates) {
    this.index = index;
    this.facetStates = facetStates;
  }

  public Map<String, Object> suggest(Viewer viewer, String q, int limit) throws IOException {
    Query query = new BooleanQuery.Builder()
        .add(TrackQueries.asYouType(q), Occur.MUST)
        .add(TrackQueries.visibleTo(viewer), Occur.FILTER)
        .build();
    ReferenceManager<IndexSearcher> manager = index.searchers();
    IndexSearcher searcher = manager.acquire();
    try {
      FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, query,
          Math.max(limit, NAME_CANDIDATES), new FacetsCollectorManager());
      TopDocs top = result.topDocs();
      List<Document> docs = new ArrayList<>();
      for (ScoreDoc hit : top.scoreDocs) {
        docs.add(searcher.storedFields().document(hit.doc));
      }
      NameMatch names = new NameMatch(q);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("tracks", tracks(docs.subList(0, Math.min(limit, docs.size())), q));
      body.put("artists", artists(names, q, counts(searcher, result.facetsCollector(), SearchSchema.ARTIST)));
      body.put("albums", albums(docs, names, q));
      body.put("completions", completions(docs, names));
      return body;
    } finally {
      manager.release(searcher);
    }
  }

  private Map<String, Integer> counts(IndexSearcher searcher, FacetsCollector hits, String dim) throws IOException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    SortedSetDocValuesReaderState state = facetStates.of(searcher.getIndexReader());
    if (state == null) {
      return counts;
    }
    FacetResult top = new SortedSetDocValuesFacetCounts(state, hits).getTopChildren(MAX_NAME_LABELS, dim);
    if (top != null) {
      for (LabelAndValue lv : top.labelValues) {
        counts.put(lv.label, lv.value.intValue());
      }
    }
    return counts;
  }

  private static List<Map<String, Object>> tracks(List<Document> docs, String q) {
    List<Map<String, Object>> tracks = new ArrayList<>();
    for (Document doc : docs) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("id", doc.get(SearchSchema.ID));
      t.put("title", doc.get(SearchSchema.TITLE));
      t.put("artist", doc.get(SearchSchema.ARTIST));
      t.put("album", doc.get(SearchSchema.ALBUM));
      Map<String, Object> highlight = new LinkedHashMap<>();
      highlight.put("title", Highlights.of(doc.get(SearchSchema.TITLE), q));
      highlight.put("artist", Highlights.of(doc.get(SearchSchema.ARTIST), q));
      highlight.put("album", Highlights.of(doc.get(SearchSchema.ALBUM), q));
      t.put("highlight", highlight);
      tracks.add(t);
    }
    return tracks;
  }

  /** Credited artists among the matches whose name is being typed: exact names first, then by matches. */
  private static List<Map<String, Object>> artists(NameMatch names, String q, Map<String, Integer> counts) {
    return counts.entrySet().stream()
        .filter(e -> names.matches(e.getKey()))
        .sorted(Comparator.comparing((Map.Entry<String, Integer> e) -> !names.isWhole(e.getKey()))
            .thenComparing(Map.Entry::getValue, Comparator.reverseOrder()))
        .limit(NAME_LIMIT)
        .map(e -> Map.<String, Object>of("name", e.getKey(), "trackCount", e.getValue(),
            "highlight", Highlights.of(e.getKey(), q)))
        .toList();
  }

  private static List<Map<String, Object>> albums(List<Document> docs, NameMatch names, String q) {
    Map<String, Map<String, Object>> albums = new LinkedHashMap<>();
    for (Document doc : docs) {
      String album = doc.get(SearchSchema.ALBUM);
      if (album != null && albums.size() < NAME_LIMIT && !albums.containsKey(album) && names.matches(album)) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("title", album);
        a.put("artist", doc.get(SearchSchema.ARTIST));
        a.put("highlight", Highlights.of(album, q));
        albums.put(album, a);
      }
    }
    return new ArrayList<>(albums.values());
  }

  private static List<String> completions(List<Document> docs, NameMatch names) {
    Set<String> out = new LinkedHashSet<>();
    for (Document doc : docs) {
      for (String field : List.of(SearchSchema.TITLE, SearchSchema.ARTIST, SearchSchema.ALBUM)) {
        String value = doc.get(field);
        if (value != null && out.size() < NAME_LIMIT && names.matches(value)) {
          out.add(value);
        }
      }
    }
    return new ArrayList<>(out);
  }
}
