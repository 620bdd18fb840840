package dev.tonearm.snapshots;

import java.io.IOException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;

/**
 * A {@code SearcherManager} that refreshes to a given commit, in the same directory or another. A plain
 * {@code SearcherManager} reopens only the newest commit of its own directory, and refuses a commit of another
 * lineage whose segment names repeat; a rebuilt index must open in a fresh directory, so the replica needs to
 * switch directories under one manager. Refcounting is the reader's, as in {@code SearcherManager}.
 */
final class ReplicaSearchers extends ReferenceManager<IndexSearcher> {

  /** Called with every reader this manager opens, before any searcher sees it. */
  interface OpenListener {
    void opened(DirectoryReader reader) throws IOException;
  }

  private final SearcherFactory factory;
  private final OpenListener listener;
  private volatile IndexCommit target;

  ReplicaSearchers(IndexCommit initial, SearcherFactory factory, OpenListener listener) throws IOException {
    this.factory = factory;
    this.listener = listener;
    this.target = initial;
    DirectoryReader reader = DirectoryReader.open(initial);
    try {
      listener.opened(reader);
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
    current = SearcherManager.getSearcher(factory, reader, null);
  }

  /** Swaps to {@code commit} now; on failure the current searcher stays and so does the target. */
  void install(IndexCommit commit) throws IOException {
    IndexCommit before = target;
    target = commit;
    try {
      maybeRefreshBlocking();
    } catch (IOException | RuntimeException e) {
      target = before;
      throw e;
    }
  }

  @Override
  protected IndexSearcher refreshIfNeeded(IndexSearcher referenceToRefresh) throws IOException {
    DirectoryReader old = (DirectoryReader) referenceToRefresh.getIndexReader();
    IndexCommit next = target;
    boolean sameDirectory = old.directory() == next.getDirectory();
    if (sameDirectory && old.getIndexCommit().getSegmentsFileName().equals(next.getSegmentsFileName())) {
      return null;
    }
    // In the same directory, unchanged segments are shared with the old reader rather than opened again.
    DirectoryReader reader = sameDirectory ? DirectoryReader.openIfChanged(old, next) : DirectoryReader.open(next);
    if (reader == null) {
      return null;
    }
    try {
      listener.opened(reader);
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
    return SearcherManager.getSearcher(factory, reader, old);
  }

  @Override
  protected void decRef(IndexSearcher reference) throws IOException {
    reference.getIndexReader().decRef();
  }

  @Override
  protected boolean tryIncRef(IndexSearcher reference) {
    return reference.getIndexReader().tryIncRef();
  }

  @Override
  protected int getRefCount(IndexSearcher reference) {
    return reference.getIndexReader().getRefCount();
  }
}
