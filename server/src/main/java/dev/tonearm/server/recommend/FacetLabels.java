package dev.tonearm.server.recommend;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;

/** The facet labels one document carries, by dimension (its credited artists, genres, album, decade). */
final class FacetLabels {
  private FacetLabels() {}

  static Map<String, List<String>> of(IndexSearcher searcher, int doc) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    SortedSetDocValues values = leaf.reader().getSortedSetDocValues(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
    Map<String, List<String>> labels = new HashMap<>();
    if (values == null || !values.advanceExact(doc - leaf.docBase)) {
      return labels;
    }
    for (int i = 0; i < values.docValueCount(); i++) {
      String[] path = FacetsConfig.stringToPath(values.lookupOrd(values.nextOrd()).utf8ToString());
      if (path.length == 2) {
        labels.computeIfAbsent(path[0], k -> new ArrayList<>()).add(path[1]);
      }
    }
    return labels;
  }
}
