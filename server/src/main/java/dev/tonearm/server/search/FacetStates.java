package dev.tonearm.server.search;

import dev.tonearm.indexer.TrackDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;

/**
 * The sorted-set facet state of each open reader, built once per reader (it maps ordinals across segments, too
 * costly to rebuild per query) and dropped with the reader.
 */
public final class FacetStates {
  private final Map<IndexReader.CacheKey, SortedSetDocValuesReaderState> states =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** The state of {@code reader}, or null while no document of it has facets (an empty index). */
  public SortedSetDocValuesReaderState of(IndexReader reader) {
    if (FieldInfos.getMergedFieldInfos(reader).fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME) == null) {
      return null;
    }
    IndexReader.CacheKey key = reader.getReaderCacheHelper().getKey();
    return states.computeIfAbsent(key, k -> {
      try {
        return new DefaultSortedSetDocValuesReaderState(reader, TrackDocuments.FACETS);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
