package dev.tonearm.server.search;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;

/** Where searches read from: the writer's near-real-time readers in the embedded stack, a synced replica in AWS. */
public interface SearchIndex {
  ReferenceManager<IndexSearcher> searchers();

  /** True once the index holds the catalog (it has caught up with the stream at least once). */
  boolean ready();
}
