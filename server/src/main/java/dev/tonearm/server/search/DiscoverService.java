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
import java.util.Comparator;
import java.util.HashMap;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.MultiFacets;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHitCountCollectorManager;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOFunction;

/**
 * The discover page, counted drill-sideways: each facet dimension as if its own selection were not applied (with
 * genre=Rock selected, the genre facet still counts Pop; with minRating=4 the rating facet still counts 3-star
 * tracks), every count and hit limited to what the caller may see. Narrow text is one ranked search for the page and
 * one drill-sideways pass for the counts ({@link #page}), counted from the reader's {@link FacetTable}; broad text and
 * browsing are answered from {@link BroadAnswers} (see {@link #broad}). Paging is search-after with a signed cursor
 * bound to the caller and the query.
 */
public final class DiscoverService {
  static final List<String> FACET_DIMS = List.of(SearchSchema.GENRE, SearchSchema.ARTIST, SearchSchema.ALBUM,
      SearchSchema.DECADE, SearchSchema.RATING);
  static final int FACET_VALUES = 20;
  /** Public values kept per dimension in a cached browse: enough that a caller's own rarely need a count. */
  static final int KEPT_VALUES = 200;
  /** Public tracks the text must find as typed for typos to be left out ({@link #match}). */
  static final int TYPED_ENOUGH = 20;

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
      FacetTable table = facetStates.of(searcher.getIndexReader());
      if (table == null) {
        return empty();
      }
      Query visible = TrackQueries.visibleTo(viewer);
      Query match = match(searcher, request);
      Page page = (browsing(request) || BroadAnswers.broad(request.q())) && BroadAnswers.splits(viewer)
          ? broad(searcher, table, viewer, match, request, sort, after)
          : page(searcher, table, base(match, visible, request), request, sort, after, FACET_VALUES);
      return render(searcher, page, viewer, request);
    } finally {
      manager.release(searcher);
    }
  }

  /** One page of hits, their total and the top values of each facet dimension. */
  record Page(TopFieldDocs hits, long total, Map<String, List<LabelAndValue>> facets) {}

  /**
   * The page of {@code base} narrowed by the request's selections, counted drill-sideways. The hits are found
   * apart from the counting: ranked alone, a search skips blocks that cannot reach the page (the match classes
   * and popularity bound each block's best score), while counting visits every match but scores none. Counting
   * while ranking would score every match of broad text, a third of the catalog.
   */
  private static Page page(IndexSearcher searcher, FacetTable table, Query base,
      DiscoverRequest request, Sort sort, FieldDoc after, int facetValues) throws IOException {
    DrillDownQuery query = drillDown(base, request, null);
    TopFieldDocs hits = top(searcher, query, request, sort, after);
    DrillSideways sideways = new DrillSideways(searcher, TrackDocuments.FACETS, table.state()) {
      @Override
      protected Facets buildFacetsResult(FacetsCollector drillDowns, FacetsCollector[] drillSideways,
          String[] drillSidewaysDims) throws IOException {
        Facets narrowed = table.count(drillDowns);
        if (drillSideways == null || drillSideways.length == 0) {
          return narrowed;
        }
        Map<String, Facets> sideways = new HashMap<>();
        for (int i = 0; i < drillSideways.length; i++) {
          sideways.put(drillSidewaysDims[i], table.count(drillSideways[i]));
        }
        return new MultiFacets(sideways, narrowed);
      }
    };
    DrillSideways.ConcurrentDrillSidewaysResult<Integer> counted =
        sideways.search(query, new TotalHitCountCollectorManager(searcher.getSlices()));
    Map<String, List<LabelAndValue>> facets = new LinkedHashMap<>();
    for (String dim : FACET_DIMS) {
      FacetResult top = counted.facets.getTopChildren(facetValues, dim);
      facets.put(dim, top == null ? List.of() : List.of(top.labelValues));
    }
    return new Page(hits, counted.collectorResult, facets);
  }

  /** The page of hits of {@code query} alone; its total is a lower bound. */
  private static TopFieldDocs top(IndexSearcher searcher, Query query, DiscoverRequest request, Sort sort,
      FieldDoc after) throws IOException {
    return searcher.search(query, new TopFieldCollectorManager(sort, request.limit(), after, request.limit()));
  }

  /**
   * {@link #page} for a base that matches few tracks (a caller's own private ones), every value counted, by hand: one drill-down for
   * the hits, and per dimension one with every other dimension's selection. Each is a conjunction led by the few
   * tracks, where {@link DrillSideways} may walk a whole selected genre.
   */
  private static Page smallPage(IndexSearcher searcher, FacetTable table, Query base,
      DiscoverRequest request, Sort sort, FieldDoc after) throws IOException {
    TopFieldDocs hits = searcher.search(drillDown(base, request, null),
        new TopFieldCollectorManager(sort, request.limit(), after, Integer.MAX_VALUE));
    Map<String, List<LabelAndValue>> facets = new LinkedHashMap<>();
    for (String dim : FACET_DIMS) {
      FacetsCollector matching = searcher.search(drillDown(base, request, dim), new FacetsCollectorManager());
      FacetResult top = table.count(matching).getAllChildren(dim);
      facets.put(dim, top == null ? List.of() : List.of(top.labelValues));
    }
    return new Page(hits, hits.totalHits.value(), facets);
  }

  /** {@code base} narrowed by every selection of the request but those of {@code sideways} (null: all). */
  private static DrillDownQuery drillDown(Query base, DiscoverRequest request, String sideways) {
    DrillDownQuery query = new DrillDownQuery(TrackDocuments.FACETS, base);
    Map<String, List<String>> selections = new LinkedHashMap<>();
    selections.put(SearchSchema.GENRE, request.genres());
    selections.put(SearchSchema.ARTIST, request.artists());
    selections.put(SearchSchema.ALBUM, request.albums());
    selections.put(SearchSchema.DECADE, request.decades());
    selections.forEach((dim, values) -> {
      if (!dim.equals(sideways)) {
        selectAll(query, dim, values);
      }
    });
    if (request.minRating() != null && !SearchSchema.RATING.equals(sideways)) {
      // The rating dimension is selected by a range over the exact average (minRating may be 3.5), not by a
      // bucket label, so drill-sideways still counts its buckets as if minRating were not applied.
      query.add(SearchSchema.RATING, DoubleField.newRangeQuery(SearchSchema.RATING_AVERAGE, request.minRating(),
          Double.POSITIVE_INFINITY));
    }
    return query;
  }

  /**
   * Browsing without text or with {@linkplain BroadAnswers#broad broad} text: the public part is one of the
   * {@link BroadAnswers}, the caller's own private tracks
   * are searched apart and merged in: hits by the sort (a total order, it ends with the id), counts added per
   * value. The public part keeps the top {@value #KEPT_VALUES} values per dimension; a value of the caller's
   * beyond those is counted exactly only when it could still reach the top shown.
   */
  private Page broad(IndexSearcher searcher, FacetTable table, Viewer viewer, Query match,
      DiscoverRequest request, Sort sort, FieldDoc after) throws IOException {
    Query everyone = base(match, BroadAnswers.publicOnly(), request);
    Page shared = shared(searcher, table, match, request, sort, after);
    Page own = smallPage(searcher, table, base(match, BroadAnswers.ownPrivate(viewer), request), request, sort,
        after);
    TopFieldDocs hits = TopDocs.merge(sort, request.limit(), new TopFieldDocs[] {shared.hits(), own.hits()});
    Map<String, List<LabelAndValue>> facets = new LinkedHashMap<>();
    for (String dim : FACET_DIMS) {
      facets.put(dim, added(shared.facets().get(dim), own.facets().get(dim),
          label -> {
            DrillDownQuery withValue = drillDown(everyone, request, dim);
            withValue.add(dim, label);
            return searcher.count(withValue);
          }));
    }
    return new Page(hits, shared.total() + own.total(), facets);
  }

  /**
   * The public part of a broad answer, kept in {@link BroadAnswers}. {@code match} is the request's text as
   * {@link #match} reads it in this reader, so the key need not name it.
   */
  private Page shared(IndexSearcher searcher, FacetTable table, Query match, DiscoverRequest request,
      Sort sort, FieldDoc after) throws IOException {
    String key = request.shape() + "\u001f" + (after == null ? "" : after.doc + Arrays.toString(after.fields));
    return broadAnswers.get(searcher.getIndexReader(), key,
        () -> sharedPage(searcher, table, match, request, sort, after));
  }

  /**
   * The public part of a broad answer, computed. With nothing selected, one search counts every dimension. With
   * selections, the hits and the unselected dimensions are counted over the tracks every selection keeps, and each
   * selected dimension's counts are those of the answer without that selection, which is what drill-sideways
   * counts, from answers many requests share: a genre browse takes its genre counts from the landing view's. A
   * first sighting then passes over the tracks the selections keep instead of over most of the catalog.
   */
  private Page sharedPage(IndexSearcher searcher, FacetTable table, Query match, DiscoverRequest request,
      Sort sort, FieldDoc after) throws IOException {
    Query everyone = base(match, BroadAnswers.publicOnly(), request);
    List<String> selected = request.selectedDims();
    if (selected.isEmpty()) {
      return page(searcher, table, everyone, request, sort, after, KEPT_VALUES);
    }
    DrillDownQuery narrowed = drillDown(everyone, request, null);
    TopFieldDocs hits = top(searcher, narrowed, request, sort, after);
    FacetsCollector matching = searcher.search(narrowed, new FacetsCollectorManager());
    long total = matching.getMatchingDocs().stream().mapToLong(FacetsCollector.MatchingDocs::totalHits).sum();
    Facets counts = total == 0 ? null : table.count(matching);
    Map<String, List<LabelAndValue>> facets = new LinkedHashMap<>();
    for (String dim : FACET_DIMS) {
      if (selected.contains(dim)) {
        DiscoverRequest without = request.without(dim);
        facets.put(dim, shared(searcher, table, match, without, sortOf(without), null).facets().get(dim));
      } else {
        FacetResult top = counts == null ? null : counts.getTopChildren(KEPT_VALUES, dim);
        facets.put(dim, top == null ? List.of() : List.of(top.labelValues));
      }
    }
    return new Page(hits, total, facets);
  }

  /**
   * The top {@value #FACET_VALUES} of public counts plus own counts, in Lucene's order (count, then value).
   * {@code kept} holds the top public values; an own value missing from it has a public count of at most the
   * last kept one, and is looked up with {@code publicCount} only if that could lift it into the top.
   */
  private static List<LabelAndValue> added(List<LabelAndValue> kept, List<LabelAndValue> own,
      IOFunction<String, Integer> publicCount) throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    kept.forEach(lv -> counts.put(lv.label, lv.value.intValue()));
    boolean complete = kept.size() < KEPT_VALUES;
    int floor = complete || kept.isEmpty() ? 0 : kept.getLast().value.intValue();
    List<LabelAndValue> unknown = new ArrayList<>();
    for (LabelAndValue lv : own) {
      if (counts.containsKey(lv.label)) {
        counts.merge(lv.label, lv.value.intValue(), Integer::sum);
      } else {
        unknown.add(lv);
      }
    }
    int last = counts.values().stream().sorted(Comparator.reverseOrder()).skip(FACET_VALUES - 1).findFirst()
        .orElse(0);
    for (LabelAndValue lv : unknown) {
      int ownCount = lv.value.intValue();
      if (complete || kept.isEmpty()) {
        counts.put(lv.label, ownCount);
      } else if (ownCount + floor >= last) {
        counts.put(lv.label, ownCount + publicCount.apply(lv.label));
      }
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

  /**
   * What the request's text matches: every track when browsing; else its words as typed, tolerating typos only
   * when as typed they find fewer than {@value #TYPED_ENOUGH} public tracks, as suggestions do. A typo match would
   * rank below the as-typed ones anyway, but it would count: with typos "Ther" also matches "the", "her" and
   * "there", 274,000 tracks in a million instead of 6,000, and the facets would count that noise. The decision
   * depends only on the reader and the text, so a kept broad answer stays valid for every request.
   */
  private static Query match(IndexSearcher searcher, DiscoverRequest request) throws IOException {
    if (browsing(request)) {
      return new MatchAllDocsQuery();
    }
    Query asTyped = TrackQueries.asYouType(request.q(), false);
    Query publicAsTyped = new ConstantScoreQuery(new BooleanQuery.Builder()
        .add(asTyped, Occur.MUST).add(BroadAnswers.publicOnly(), Occur.FILTER).build());
    int found = searcher.search(publicAsTyped, new TopScoreDocCollectorManager(TYPED_ENOUGH, TYPED_ENOUGH))
        .scoreDocs.length;
    return found >= TYPED_ENOUGH ? asTyped : TrackQueries.asYouType(request.q(), true);
  }

  private static Query base(Query match, Query visible, DiscoverRequest request) {
    BooleanQuery.Builder base = new BooleanQuery.Builder()
        .add(match, Occur.MUST)
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
      facets.put(dim, values(dim, page.facets().get(dim)));
    }
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
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", 0);
    body.put("hits", List.of());
    body.put("facets", facets);
    body.put("nextCursor", null);
    return body;
  }

  /**
   * The values of one dimension as the page shows them: by count, except the rating buckets, which read best
   * from the most stars down ("4 and up", "3 and up"…).
   */
  private static List<Map<String, Object>> values(String dim, List<LabelAndValue> top) {
    List<LabelAndValue> ordered = !dim.equals(SearchSchema.RATING) ? top
        : top.stream().sorted(Comparator.comparing((LabelAndValue lv) -> lv.label).reversed()).toList();
    List<Map<String, Object>> values = new ArrayList<>();
    for (LabelAndValue lv : ordered) {
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
