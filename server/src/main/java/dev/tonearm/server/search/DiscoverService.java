package dev.tonearm.server.search;

import dev.tonearm.catalog.Viewer;
import dev.tonearm.indexer.SearchSchema;
import dev.tonearm.indexer.TrackDocuments;
import dev.tonearm.indexer.TrackQueries;
import dev.tonearm.server.http.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

/**
 * The discover page: one drill-sideways search per request, so each facet dimension is counted as if its own
 * selection were not applied (with genre=Rock selected, the genre facet still counts Pop), and every count and
 * hit is limited to what the caller may see. Paging is search-after with a signed cursor bound to the caller and
 * the query.
 */
public final class DiscoverService {
  static final List<String> FACET_DIMS = List.of(SearchSchema.GENRE, SearchSchema.ARTIST, SearchSchema.ALBUM,
      SearchSchema.DECADE);
  static final int FACET_VALUES = 20;
  /** Values per dimension a caller's own private tracks may span for a browse to be answered from the cache. */
  static final int OWN_VALUES = 100;

  private final SearchIndex index;
  private final FacetStates facetStates;
  private final dev.tonearm.server.tracks.Cursors cursors;
  private final BroadAnswers broadAnswers = new BroadAnswers();

  public DiscoverService(SearchIndex index, FacetStates facetStates, dev.tonearm.server.tracks.Cursors cursors) {
    this.index = index;
    this.facetStates = facetStates;
    this.cursors = cursors;
  }

  public Map<String, Object> search(Viewer viewer, DiscoverRequest request) throws IOException {
    Sort sort = sortOf(request);
    ReferenceManager<IndexSearcher> manager = index.searchers();
    IndexSearcher searcher = manager.acquire();
    try {
      FieldDoc after = request.cursor() == null ? null : openCursor(viewer, request, sort);
      SortedSetDocValuesReaderState state = facetStates.of(searcher.getIndexReader());
      if (state == null) {
        return empty();
      }
      Query visible = TrackQueries.visibleTo(viewer);
      Page page = browsing(request) && BroadAnswers.splits(viewer)
          ? browse(searcher, state, viewer, request, sort, after)
          : page(searcher, state, base(visible, request), request, sort, after, FACET_VALUES);
      return render(searcher, page, viewer, request);
    } finally {
      manager.release(searcher);
    }
  }

  /** One page of hits, their total and the top values of each facet dimension. */
  record Page(TopFieldDocs hits, long total, Map<String, List<LabelAndValue>> facets) {}

  private static Page page(IndexSearcher searcher, SortedSetDocValuesReaderState state, Query base,
      DiscoverRequest request, Sort sort, FieldDoc after, int facetValues) throws IOException {
    DrillDownQuery query = new DrillDownQuery(TrackDocuments.FACETS, base);
    selectAll(query, SearchSchema.GENRE, request.genres());
    selectAll(query, SearchSchema.ARTIST, request.artists());
    selectAll(query, SearchSchema.ALBUM, request.albums());
    selectAll(query, SearchSchema.DECADE, request.decades());
    DrillSideways sideways = new DrillSideways(searcher, TrackDocuments.FACETS, state);
    DrillSideways.DrillSidewaysResult result = sideways.search(query, null, after, request.limit(), sort, false);
    Map<String, List<LabelAndValue>> facets = new LinkedHashMap<>();
    for (String dim : FACET_DIMS) {
      FacetResult top = result.facets.getTopChildren(facetValues, dim);
      facets.put(dim, top == null ? List.of() : List.of(top.labelValues));
    }
    return new Page((TopFieldDocs) result.hits, result.hits.totalHits.value(), facets);
  }

  /**
   * Browsing without text: the public part is one of the {@link BroadAnswers}, the caller's own private tracks
   * are searched apart and merged in — hits by the sort (total, it ends with the id), counts added per value.
   * The public part keeps {@value #OWN_VALUES} values more than shown per dimension, so that adding the caller's
   * counts can reorder the top exactly unless their private tracks span more values than that.
   */
  private Page browse(IndexSearcher searcher, SortedSetDocValuesReaderState state, Viewer viewer,
      DiscoverRequest request, Sort sort, FieldDoc after) throws IOException {
    String key = request.shape() + "\u001f" + (after == null ? "" : after.doc + Arrays.toString(after.fields));
    Page shared = broadAnswers.get(searcher.getIndexReader(), key,
        () -> page(searcher, state, base(BroadAnswers.publicOnly(), request), request, sort, after,
            FACET_VALUES + OWN_VALUES));
    Page own = page(searcher, state, base(BroadAnswers.ownPrivate(viewer), request), request, sort, after,
        OWN_VALUES + 1);
    if (own.facets().values().stream().anyMatch(values -> values.size() > OWN_VALUES)) {
      return page(searcher, state, base(TrackQueries.visibleTo(viewer), request), request, sort, after,
          FACET_VALUES);
    }
    TopFieldDocs hits = TopDocs.merge(sort, request.limit(), new TopFieldDocs[] {shared.hits(), own.hits()});
    Map<String, List<LabelAndValue>> facets = new LinkedHashMap<>();
    for (String dim : FACET_DIMS) {
      facets.put(dim, added(shared.facets().get(dim), own.facets().get(dim)));
    }
    return new Page(hits, shared.total() + own.total(), facets);
  }

  /** Counts of two disjoint sets of tracks, added; the top {@value #FACET_VALUES} as Lucene orders them. */
  private static List<LabelAndValue> added(List<LabelAndValue> a, List<LabelAndValue> b) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (List<LabelAndValue> values : List.of(a, b)) {
      values.forEach(lv -> counts.merge(lv.label, lv.value.intValue(), Integer::sum));
    }
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
            .thenComparing(e -> new BytesRef(e.getKey())))
        .limit(FACET_VALUES)
        .map(e -> new LabelAndValue(e.getKey(), e.getValue()))
        .toList();
  }

  private static boolean browsing(DiscoverRequest request) {
    return request.q() == null || request.q().isBlank();
  }

  private static Query base(Query visible, DiscoverRequest request) {
    BooleanQuery.Builder base = new BooleanQuery.Builder()
        .add(browsing(request) ? new MatchAllDocsQuery() : TrackQueries.asYouType(request.q()), Occur.MUST)
        .add(visible, Occur.FILTER);
    if (request.yearFrom() != null || request.yearTo() != null) {
      base.add(IntPoint.newRangeQuery(SearchSchema.YEAR,
          request.yearFrom() == null ? Integer.MIN_VALUE : request.yearFrom(),
          request.yearTo() == null ? Integer.MAX_VALUE : request.yearTo()), Occur.FILTER);
    }
    return base.build();
  }

  /** Values added to one dimension one by one are ORed (adding them together would name a path). */
  private static void selectAll(DrillDownQuery query, String dim, List<String> values) {
    values.forEach(value -> query.add(dim, value));
  }

  /** Every sort ends with the id, so the order is total and search-after never skips or repeats a hit. */
  static Sort sortOf(DiscoverRequest request) {
    boolean browsing = request.q() == null || request.q().isBlank();
    SortField id = new SortField(SearchSchema.ID_SORT, SortField.Type.STRING);
    SortField title = new SortField(SearchSchema.TITLE_SORT, SortField.Type.STRING);
    return switch (request.sort()) {
      case RELEVANCE -> browsing ? new Sort(title, id) : new Sort(SortField.FIELD_SCORE, title, id);
      case POPULARITY -> new Sort(new SortField(SearchSchema.POPULARITY, SortField.Type.FLOAT, true), title, id);
      case TITLE -> new Sort(title, id);
      case YEAR -> new Sort(year(false), title, id);
      case YEAR_DESC -> new Sort(year(true), title, id);
      case ADDED -> new Sort(new SortField(SearchSchema.CREATED_AT, SortField.Type.LONG, true), id);
    };
  }

  private static SortField year(boolean descending) {
    SortField year = new SortField(SearchSchema.YEAR, SortField.Type.INT, descending); // an IntPoint field
    year.setMissingValue(descending ? Integer.MIN_VALUE : Integer.MAX_VALUE); // unknown years last either way
    return year;
  }

  private Map<String, Object> render(IndexSearcher searcher, Page page, Viewer viewer, DiscoverRequest request)
      throws IOException {
    List<Map<String, Object>> hits = new ArrayList<>();
    for (ScoreDoc hit : page.hits().scoreDocs) {
      hits.add(StoredTrack.of(searcher.storedFields().document(hit.doc)));
    }
    Map<String, Object> facets = new LinkedHashMap<>();
    for (String dim : FACET_DIMS) {
      facets.put(dim, values(page.facets().get(dim)));
    }
    facets.put("rating", List.of()); // no ratings in the catalog yet: the dimension exists, empty
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", page.total());
    body.put("hits", hits);
    body.put("facets", facets);
    ScoreDoc[] docs = page.hits().scoreDocs;
    body.put("nextCursor", docs.length == request.limit() && docs[docs.length - 1] instanceof FieldDoc last
        ? issueCursor(viewer, request, last) : null);
    return body;
  }

  /** The answer of an index without a single track yet. */
  private static Map<String, Object> empty() {
    Map<String, Object> facets = new LinkedHashMap<>();
    FACET_DIMS.forEach(dim -> facets.put(dim, List.of()));
    facets.put("rating", List.of());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", 0);
    body.put("hits", List.of());
    body.put("facets", facets);
    body.put("nextCursor", null);
    return body;
  }

  private static List<Map<String, Object>> values(List<LabelAndValue> top) {
    List<Map<String, Object>> values = new ArrayList<>();
    for (LabelAndValue lv : top) {
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("value", lv.label);
      value.put("count", lv.value.intValue());
      values.add(value);
    }
    return values;
  }

  /** The cursor holds the last hit's sort values; it is bound to the caller and to this query's shape. */
  private String issueCursor(Viewer viewer, DiscoverRequest request, FieldDoc last) {
    StringBuilder payload = new StringBuilder(fingerprint(request)).append('|').append(last.doc);
    for (Object value : last.fields) {
      payload.append('|').append(encode(value));
    }
    return cursors.issue(viewer.userId(), payload.toString());
  }

  private FieldDoc openCursor(Viewer viewer, DiscoverRequest request, Sort sort) {
    String[] parts = cursors.open(viewer.userId(), request.cursor()).split("\\|", -1);
    if (parts.length != 2 + sort.getSort().length || !parts[0].equals(fingerprint(request))) {
      throw Problem.badRequest("cursor belongs to another query: pass nextCursor with the same parameters");
    }
    Object[] fields = new Object[sort.getSort().length];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = decode(parts[i + 2]);
    }
    return new FieldDoc(Integer.parseInt(parts[1]), Float.NaN, fields);
  }

  private static String encode(Object value) {
    return switch (value) {
      case null -> "n";
      case Float f -> "f" + Float.floatToIntBits(f);
      case Long l -> "l" + l;
      case Integer i -> "i" + i;
      case BytesRef b -> "b" + Base64.getUrlEncoder().withoutPadding().encodeToString(BytesRef.deepCopyOf(b).bytes);
      default -> throw new IllegalStateException("unexpected sort value " + value.getClass());
    };
  }

  private static Object decode(String text) {
    String body = text.substring(1);
    return switch (text.charAt(0)) {
      case 'n' -> null;
      case 'f' -> Float.intBitsToFloat(Integer.parseInt(body));
      case 'l' -> Long.parseLong(body);
      case 'i' -> Integer.parseInt(body);
      case 'b' -> new BytesRef(Base64.getUrlDecoder().decode(body));
      default -> throw Problem.badRequest("cursor is not valid");
    };
  }

  private static String fingerprint(DiscoverRequest request) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(request.shape().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
