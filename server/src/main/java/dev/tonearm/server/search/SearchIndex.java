package dev.tonearm.server.search;

import java.util.function.BooleanSupplier;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;

/** Where searches read from: the writer's near-real-time readers in the embedded stack, a synced replica in AWS. */
public interface SearchIndex {
  ReferenceManager<IndexSearcher> searchers();

  /** True once the index holds the catalog (it has caught up with the stream at least once). */
  boolean ready();

  /** An index read through {@code searchers}, ready whenever {@code ready} says so. */
  static SearchIndex of(ReferenceManager<IndexSearcher> searchers, BooleanSupplier ready) {
    return new SearchIndex() {
      @Override
      public ReferenceManager<IndexSearcher> searchers() {
        return searchers;
      }

      @Override
      public boolean ready() {
        return ready.getAsBoolean();
      }
    };
  }
}
