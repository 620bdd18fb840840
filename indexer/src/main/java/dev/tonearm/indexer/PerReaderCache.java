package dev.tonearm.indexer;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.util.IOSupplier;

/**
 * Values computed from one index reader, kept for as long as the reader lives: at most a given number per reader,
 * the least recently used dropped first, all of a reader's dropped with it (weak keys: nothing here holds a
 * reader open). A reader without a cache key (a wrapper that cannot say when it changes) keeps nothing.
 *
 * @param <K> what a value is computed from, besides the reader
 * @param <V> the value; it must not hold the reader
 */
public final class PerReaderCache<K, V> {
  private final int perReader;
  private final Map<IndexReader.CacheKey, Map<K, V>> byReader = Collections.synchronizedMap(new WeakHashMap<>());

  public PerReaderCache(int perReader) {
    this.perReader = perReader;
  }

  /**
   * The value kept for {@code key} in {@code reader}, computed by {@code compute} (outside any lock: two threads
   * may both compute it, alike) when missing.
   */
  public V get(IndexReader reader, K key, IOSupplier<V> compute) throws IOException {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return compute.get();
    }
    Map<K, V> kept = byReader.computeIfAbsent(helper.getKey(),
        k -> Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > perReader;
          }
        }));
    V value = kept.get(key);
    if (value == null) {
      value = compute.get();
      kept.put(key, value);
    }
    return value;
  }
}
