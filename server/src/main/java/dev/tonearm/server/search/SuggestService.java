package dev.tonearm.server.search;

import dev.tonearm.catalog.Viewer;
import dev.tonearm.indexer.TrackQueries;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Search-as-you-type. Tracks come ranked by {@link TrackQueries#asYouType}; artists are the credited artists
 * whose name is being typed ({@link ArtistDirectory}), whole names first, then by how many tracks the caller may
 * see; albums and completions are the names of the top tracks that continue what was typed, in their order.
 */
public final class SuggestService {
  /** Top tracks whose albums and names feed the album and completion lists: each is a stored-fields read. */
  static final int NAME_CANDIDATES = 20;
  static final int NAME_LIMIT = 5;
  /**
   * Typed words from which a search scores every match instead of skipping blocks. Each word must match, so
   * three or more match few tracks, and scoring those few costs less than the block-max bookkeeping of the nested
   * per-word disjunctions, which bound every block again ("Post Malone Featuring 21 Savage" 3.3 → 2.3 ms). With one
   * or two words the skipping pays ("love you" 1.5 → 3.8 ms when exhaustive).
   */
  static final int EXHAUSTIVE_WORDS = 3;

  private final SearchIndex index;
  private final FacetStates facetStates;
  private final BroadAnswers broadAnswers = new BroadAnswers();
  private final ShownNames shownNames = new ShownNames();

  public SuggestService(SearchIndex index, FacetStates facetStates) {
    this.index = index;
    this.facetStates = facetStates;
  }

  public Map<String, Object> suggest(Viewer viewer, String q, int limit) throws IOException {
    ReferenceManager<IndexSearcher> manager = index.searchers();
    IndexSearcher searcher = manager.acquire();
    try {
      TopDocs top = topTracks(searcher, viewer, q, Math.max(limit, NAME_CANDIDATES));
      List<ShownNames.Names> docs = shownNames.of(searcher, top.scoreDocs);
      NameMatch names = new NameMatch(q);
      Highlights highlights = Highlights.of(q);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("tracks", tracks(docs.subList(0, Math.min(limit, docs.size())), highlights));
      body.put("artists", artists(searcher, viewer, names, highlights));
      body.put("albums", albums(docs, names, highlights));
      body.put("completions", completions(docs, names));
      return body;
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * The best {@code n} tracks for {@code q}. Only they are wanted, not a count of every match, so Lucene may skip
   * what cannot make the top. A broad query's public part comes from {@link BroadAnswers}.
   */
  private TopDocs topTracks(IndexSearcher searcher, Viewer viewer, String q, int n) throws IOException {
    if (!BroadAnswers.splits(viewer) || !BroadAnswers.broad(q)) {
      return TrackQueries.typedFirst(q, n, match -> top(searcher, match, TrackQueries.visibleTo(viewer), n, q))
          .top();
    }
    // Keyed by the text exactly as typed: a space after the last word changes its meaning ("bell" vs "bell ").
    TrackQueries.Found publicPart = broadAnswers.get(searcher.getIndexReader(), n + "\u001f" + q,
        () -> TrackQueries.typedFirst(q, n, match -> top(searcher, match, BroadAnswers.publicOnly(), n, q)));
    // The listener's own tracks count only where they beat the public page's last hit, and tolerate typos only
    // where the public part had to.
    ScoreDoc[] shared = publicPart.top().scoreDocs;
    float floor = shared.length < n ? 0f : shared[n - 1].score;
    TopDocs ownPart = searcher.search(filtered(TrackQueries.asYouType(q, publicPart.typos()),
        BroadAnswers.ownPrivate(viewer)), new AboveFloor(n, floor));
    return merged(n, publicPart.top(), ownPart);
  }

  private static TopDocs top(IndexSearcher searcher, Query match, Query filter, int n, String q) throws IOException {
    int counted = q.strip().split("\\s+").length >= EXHAUSTIVE_WORDS ? Integer.MAX_VALUE : n;
    return searcher.search(filtered(match, filter), new TopScoreDocCollectorManager(n, counted));
  }

  private static Query filtered(Query match, Query filter) {
    return new BooleanQuery.Builder().add(match, Occur.MUST).add(filter, Occur.FILTER).build();
  }

  /** Two disjoint tops of one reader as one, in the order one search over both would give: score, then doc. */
  private static TopDocs merged(int n, TopDocs a, TopDocs b) {
    ScoreDoc[] all = Arrays.copyOf(a.scoreDocs, a.scoreDocs.length + b.scoreDocs.length);
    System.arraycopy(b.scoreDocs, 0, all, a.scoreDocs.length, b.scoreDocs.length);
    Arrays.sort(all, Comparator.comparingDouble((ScoreDoc d) -> -d.score).thenComparingInt(d -> d.doc));
    return new TopDocs(a.totalHits, Arrays.copyOf(all, Math.min(n, all.length)));
  }

  private List<Map<String, Object>> artists(IndexSearcher searcher, Viewer viewer, NameMatch names,
      Highlights highlights)
      throws IOException {
    FacetTable table = facetStates.of(searcher.getIndexReader());
    if (table == null) {
      return List.of();
    }
    return facetStates.artists(searcher, table).find(viewer, names, NAME_LIMIT).stream()
        .map(a -> Map.<String, Object>of("name", a.name(), "trackCount", a.trackCount(),
            "highlight", highlights.in(a.name())))
        .toList();
  }

  private static List<Map<String, Object>> tracks(List<ShownNames.Names> docs, Highlights highlights) {
    List<Map<String, Object>> tracks = new ArrayList<>();
    for (ShownNames.Names doc : docs) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("id", doc.id());
      t.put("title", doc.title());
      t.put("artist", doc.artist());
      t.put("album", doc.album());
      Map<String, Object> highlight = new LinkedHashMap<>();
      highlight.put("title", highlights.in(doc.title()));
      highlight.put("artist", highlights.in(doc.artist()));
      highlight.put("album", highlights.in(doc.album()));
      t.put("highlight", highlight);
      tracks.add(t);
    }
    return tracks;
  }

  private static List<Map<String, Object>> albums(List<ShownNames.Names> docs, NameMatch names,
      Highlights highlights) {
    Map<String, Map<String, Object>> albums = new LinkedHashMap<>();
    for (ShownNames.Names doc : docs) {
      String album = doc.album();
      if (album != null && albums.size() < NAME_LIMIT && !albums.containsKey(album) && names.matches(album)) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("title", album);
        a.put("artist", doc.artist());
        a.put("highlight", highlights.in(album));
        albums.put(album, a);
      }
    }
    return new ArrayList<>(albums.values());
  }

  private static List<String> completions(List<ShownNames.Names> docs, NameMatch names) {
    Set<String> out = new LinkedHashSet<>();
    for (ShownNames.Names doc : docs) {
      for (String value : Arrays.asList(doc.title(), doc.artist(), doc.album())) {
        if (value != null && out.size() < NAME_LIMIT && names.matches(value)) {
          out.add(value);
        }
      }
    }
    return new ArrayList<>(out);
  }
}
