package dev.tonearm.server.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState.OrdRange;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongHeap;

/**
 * Counts of flat facet dimensions over a reader's global ordinals, counted by {@link FacetTable}, answered as
 * {@code SortedSetDocValuesFacetCounts} answers them: children by count, ties in label order; a dimension without
 * values is null; a multi-valued dimension's own count is -1 (a track counts once per value, so their sum is not a
 * track count). Tonearm's dimensions are flat: a path below a dimension is refused.
 */
final class TableCounts extends Facets {
  private final FacetTable table;
  private final int[] counts;

  TableCounts(FacetTable table, int[] counts) {
    this.table = table;
    this.counts = counts;
  }

  @Override
  public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
    if (topN <= 0) {
      throw new IllegalArgumentException("topN must be > 0 (got: " + topN + ")");
    }
    OrdRange range = range(dim, path);
    if (range == null) {
      return null;
    }
    // Largest count first, then the smaller ordinal (label order): a min-heap of the topN best keys.
    LongHeap best = new LongHeap(topN);
    int children = 0;
    long sum = 0;
    for (int ord = range.start(); ord <= range.end(); ord++) {
      int count = counts[ord];
      if (count > 0) {
        children++;
        sum += count;
        best.insertWithOverflow(((long) count << 32) | (Integer.MAX_VALUE - ord));
      }
    }
    if (children == 0) {
      return null;
    }
    LabelAndValue[] top = new LabelAndValue[best.size()];
    for (int i = top.length - 1; i >= 0; i--) {
      long key = best.pop();
      top[i] = new LabelAndValue(table.label(Integer.MAX_VALUE - (int) key), (int) (key >>> 32));
    }
    return new FacetResult(dim, path, dimValue(dim, sum), top, children);
  }

  @Override
  public FacetResult getAllChildren(String dim, String... path) throws IOException {
    OrdRange range = range(dim, path);
    if (range == null) {
      return null;
    }
    List<LabelAndValue> all = new ArrayList<>();
    long sum = 0;
    for (int ord = range.start(); ord <= range.end(); ord++) {
      if (counts[ord] > 0) {
        all.add(new LabelAndValue(table.label(ord), counts[ord]));
        sum += counts[ord];
      }
    }
    return all.isEmpty() ? null
        : new FacetResult(dim, path, dimValue(dim, sum), all.toArray(LabelAndValue[]::new), all.size());
  }

  @Override
  public Number getSpecificValue(String dim, String... path) throws IOException {
    if (path.length != 1) {
      throw new IllegalArgumentException("path must be one value below the dimension (got " + path.length + ")");
    }
    long ord = table.state().getDocValues().lookupTerm(new BytesRef(FacetsConfig.pathToString(dim, path)));
    return ord < 0 ? -1 : counts[(int) ord];
  }

  @Override
  public List<FacetResult> getAllDims(int topN) throws IOException {
    List<FacetResult> results = new ArrayList<>();
    for (String dim : table.state().getDims()) {
      FacetResult result = getTopChildren(topN, dim);
      if (result != null) {
        results.add(result);
      }
    }
    results.sort(Comparator.comparingLong((FacetResult r) -> -r.value.longValue()).thenComparing(r -> r.dim));
    return results;
  }

  private OrdRange range(String dim, String... path) {
    if (path.length > 0) {
      throw new IllegalArgumentException("dimension " + dim + " is flat: no path below it");
    }
    return table.state().getOrdRange(dim);
  }

  private Number dimValue(String dim, long sum) {
    return table.state().getFacetsConfig().getDimConfig(dim).multiValued ? -1 : (int) sum;
  }

}
