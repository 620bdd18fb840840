package dev.tonearm.server.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.LongValues;

/**
 * One reader's facet values held in arrays for counting: every track's facet ordinals (all dimensions, one
 * sorted-set field) per segment, and per segment the map from its ordinals to the reader's. Counting a match
 * then reads plain arrays instead of decoding doc values per track, two to three times faster; a first sighting of
 * broad text ("a", "the") counts a third of the catalog. Segments are uninverted once and shared by every reader
 * that holds them, so a refreshed reader uninverts only its new segments and builds its small ordinal maps.
 * At a million tracks the arrays take about 21 MB.
 */
final class FacetTable {
  private final SortedSetDocValuesReaderState state;
  private final Segment[] segments;
  private final int[][] toReader;
  /** Each value's label (without its dimension) by the reader's ordinal: a top-200 list names 200 values. */
  private final String[] labels;

  /** One segment's ordinals: those of doc d are {@code ords[starts[d]..starts[d+1])}, in the segment's numbering. */
  record Segment(int[] starts, int[] ords, int valueCount) {
    static Segment uninvert(LeafReader leaf, String field) throws IOException {
      SortedSetDocValues values = DocValues.getSortedSet(leaf, field);
      int maxDoc = leaf.maxDoc();
      int[] starts = new int[maxDoc + 1];
      int[] ords = new int[Math.max(16, maxDoc * 4)];
      int n = 0;
      for (int doc = 0; doc < maxDoc; doc++) {
        starts[doc] = n;
        if (values.advanceExact(doc)) {
          int count = values.docValueCount();
          if (n + count > ords.length) {
            ords = Arrays.copyOf(ords, Math.max(n + count, ords.length + (ords.length >> 1)));
          }
          for (int i = 0; i < count; i++) {
            ords[n++] = (int) values.nextOrd();
          }
        }
      }
      starts[maxDoc] = n;
      return new Segment(starts, Arrays.copyOf(ords, n), (int) values.getValueCount());
    }
  }

  private FacetTable(SortedSetDocValuesReaderState state, Segment[] segments, int[][] toReader, String[] labels) {
    this.state = state;
    this.segments = segments;
    this.toReader = toReader;
    this.labels = labels;
  }

  /**
   * The table of {@code state}'s reader. {@code kept} holds segments already uninverted, by core key; new ones
   * are added to it, each removed again when its segment closes.
   */
  static FacetTable of(SortedSetDocValuesReaderState state, Map<IndexReader.CacheKey, Segment> kept)
      throws IOException {
    List<LeafReaderContext> leaves = state.getReader().leaves();
    OrdinalMap map = state.getDocValues() instanceof MultiDocValues.MultiSortedSetDocValues multi
        ? multi.mapping : null;
    Segment[] segments = new Segment[leaves.size()];
    int[][] toReader = new int[leaves.size()][];
    for (LeafReaderContext leaf : leaves) {
      IndexReader.CacheHelper core = leaf.reader().getCoreCacheHelper();
      Segment segment = core == null ? null : kept.get(core.getKey());
      if (segment == null) {
        segment = Segment.uninvert(leaf.reader(), state.getField());
        if (core != null && kept.putIfAbsent(core.getKey(), segment) == null) {
          core.addClosedListener(kept::remove);
        }
      }
      segments[leaf.ord] = segment;
      int[] global = new int[segment.valueCount()];
      LongValues ords = map == null ? null : map.getGlobalOrds(leaf.ord);
      for (int ord = 0; ord < global.length; ord++) {
        global[ord] = ords == null ? ord : (int) ords.get(ord);
      }
      toReader[leaf.ord] = global;
    }
    String[] labels = new String[state.getSize()];
    TermsEnum values = state.getDocValues().termsEnum();
    for (int ord = 0; values.next() != null; ord++) {
      labels[ord] = FacetsConfig.stringToPath(values.term().utf8ToString())[1];
    }
    return new FacetTable(state, segments, toReader, labels);
  }

  /** The label of the value the reader numbers {@code ord}. */
  String label(int ord) {
    return labels[ord];
  }

  SortedSetDocValuesReaderState state() {
    return state;
  }

  /** Every facet value's count over {@code hits}, a collection over this table's reader. */
  TableCounts count(FacetsCollector hits) throws IOException {
    int[] counts = new int[state.getSize()];
    if (hits != null) {
      for (FacetsCollector.MatchingDocs matching : hits.getMatchingDocs()) {
        if (matching.totalHits() == 0) {
          continue;
        }
        Segment segment = segments[matching.context().ord];
        int[] starts = segment.starts();
        int[] ords = segment.ords();
        int[] global = toReader[matching.context().ord];
        DocIdSetIterator docs = matching.bits().iterator();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
          for (int i = starts[doc], end = starts[doc + 1]; i < end; i++) {
            counts[global[ords[i]]]++;
          }
        }
      }
    }
    return new TableCounts(this, counts);
  }
}
