package dev.tonearm.indexer.writer;

import java.io.IOException;
import org.apache.lucene.index.IndexCommit;

/**
 * Told of every commit of the live index, on the writer's thread, before the next commit is made: where the
 * embedded stack publishes the commit as an index generation. The commit's files stay on disk until it returns.
 * A listener that throws is called again with the newest commit on the writer's next round.
 */
@FunctionalInterface
public interface CommitListener {
  CommitListener NONE = (commit, lineage) -> {};

  void committed(IndexCommit commit, String lineage) throws IOException;
}
