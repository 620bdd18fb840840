package dev.tonearm.server.search;

import dev.tonearm.indexer.TrackDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.store.AlreadyClosedException;

/**
 * The facet table of each open reader (its sorted-set facet state, which maps ordinals across segments, and the
 * {@link FacetTable} counted from), built once per reader, too costly to rebuild per query, and dropped with the
 * reader; likewise the reader's {@link ArtistDirectory}.
 */
public final class FacetStates {
  /**
   * Tables by reader, each dropped when its reader closes. A concurrent map: while a new reader's table is built
   * (uninverting a freshly merged segment takes a while), searches on the previous reader go on.
   */
  private final Map<IndexReader.CacheKey, FacetTable> tables = new ConcurrentHashMap<>();
  /** Uninverted segments by core key, shared by the readers that hold them, dropped when the segment closes. */
  private final Map<IndexReader.CacheKey, FacetTable.Segment> segments = new ConcurrentHashMap<>();
  /** How long a keystroke waits for a new reader's artist directory before the previous one answers. */
  static final long FRESH_WAIT_MILLIS = 50;

  private final Map<IndexReader.CacheKey, Future<ArtistDirectory>> artists =
      Collections.synchronizedMap(new WeakHashMap<>());
  private final ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "artist-directory");
    thread.setDaemon(true);
    return thread;
  });
  private volatile ArtistDirectory newestArtists;
  /** The reader whose directory was asked for last: a build queued behind it for an older reader is skipped. */
  private volatile IndexReader.CacheKey newestAsked;

  /** The facet table of {@code reader}, or null while no document of it has facets (an empty index). */
  FacetTable of(IndexReader reader) {
    FacetTable known = tables.get(reader.getReaderCacheHelper().getKey());
    if (known != null) {
      return known; // every keystroke asks: merging the field infos of every segment again is not free
    }
    if (FieldInfos.getMergedFieldInfos(reader).fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME) == null) {
      return null;
    }
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    return tables.computeIfAbsent(helper.getKey(), k -> {
      try {
        helper.addClosedListener(tables::remove);
        return FacetTable.of(new DefaultSortedSetDocValuesReaderState(reader, TrackDocuments.FACETS), segments);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * Whether searches of {@code index} would find their per-reader state ready: the index is open, and its facet
   * state and an artist directory are built (the first is started here if needed). Until then the first
   * keystrokes would wait for a whole-catalog count, so a server is not ready for traffic.
   */
  public boolean warmed(SearchIndex index) {
    if (!index.ready()) {
      return false;
    }
    try {
      ReferenceManager<IndexSearcher> manager = index.searchers();
      IndexSearcher searcher = manager.acquire();
      try {
        FacetTable table = of(searcher.getIndexReader());
        if (table == null) {
          return true; // an empty index: nothing to count
        }
        Future<ArtistDirectory> built = directoryOf(searcher.getIndexReader(), table);
        if (newestArtists == null && built.isDone() && failed(built)) {
          artists.remove(searcher.getIndexReader().getReaderCacheHelper().getKey()); // the next check tries again
        }
        return newestArtists != null;
      } finally {
        manager.release(searcher);
      }
    } catch (IOException | AlreadyClosedException e) {
      return false; // not ready, as a closed or failing index is not
    }
  }

  /**
   * The artist directory of {@code searcher}'s reader (whose facet table is {@code table}), built on a background
   * thread. While a new reader's directory is still being built after {@link #FRESH_WAIT_MILLIS}, the newest
   * finished one answers: a refresh-old directory only lags in counts and brand-new names, where blocking would
   * put a whole-catalog count into a keystroke's latency. When readers refresh faster than directories build,
   * builds for readers already superseded are skipped (their requests get the newest finished directory), so
   * the queue never holds more than the work that matters.
   */
  ArtistDirectory artists(IndexSearcher searcher, FacetTable table) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    Future<ArtistDirectory> built = directoryOf(reader, table);
    try {
      ArtistDirectory newest = newestArtists;
      return newest == null || built.isDone() ? built.get() : built.get(FRESH_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return newestArtists;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted waiting for the artist directory", e);
    } catch (ExecutionException e) {
      artists.remove(reader.getReaderCacheHelper().getKey()); // the next request tries again
      throw e.getCause() instanceof IOException io ? io : new IOException("artist directory failed", e.getCause());
    }
  }

  private static boolean failed(Future<ArtistDirectory> done) {
    try {
      done.get();
      return false;
    } catch (ExecutionException e) {
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The build of {@code reader}'s directory, submitted on first asking. */
  private Future<ArtistDirectory> directoryOf(IndexReader reader, FacetTable table) {
    return artists.computeIfAbsent(reader.getReaderCacheHelper().getKey(), k -> {
      newestAsked = k;
      reader.incRef(); // the build outlives this request's hold on the reader
      return builder.submit(() -> {
        try {
          ArtistDirectory finished = newestArtists;
          if (finished != null && newestAsked != k) {
            return finished;
          }
          ArtistDirectory directory = ArtistDirectory.build(new IndexSearcher(reader), table);
          newestArtists = directory;
          return directory;
        } finally {
          reader.decRef();
        }
      });
    });
  }
}
