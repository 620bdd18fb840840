package dev.tonearm.server.search;

import dev.tonearm.indexer.writer.LiveIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;

/** Searches on the in-process writer's near-real-time readers (the embedded stack, until replicas sync from S3). */
public record WriterIndex(LiveIndex live) implements SearchIndex {
  @Override
  public ReferenceManager<IndexSearcher> searchers() {
    return live.searchers();
  }

  @Override
  public boolean ready() {
    return live.caughtUp();
  }
}
