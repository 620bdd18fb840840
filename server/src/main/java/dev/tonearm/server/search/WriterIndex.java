package dev.tonearm.server.search;

import dev.tonearm.indexer.writer.LiveIndex;
import org.apache.lucene.search.SearcherManager;

/** Searches on the in-process writer's near-real-time readers (the embedded stack, until replicas sync from S3). */
public record WriterIndex(LiveIndex live) implements SearchIndex {
  @Override
  public SearcherManager searchers() {
    return live.searchers();
  }

  @Override
  public boolean ready() {
    return live.caughtUp();
  }
}
