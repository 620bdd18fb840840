package dev.tonearm.indexer.writer;

import dev.tonearm.indexer.SearchSchema;
import dev.tonearm.indexer.TrackDocuments;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Applies catalog changes to the one {@link IndexWriter}, each only if it is newer than what the index holds
 * for that id. An upsert wins over an older version; a remove wins over the same or an older version (the delete
 * of version N comes after its upsert of N) and leaves a tombstone. Not thread-safe: there is one writer.
 */
public final class ChangeApplier {
  private final IndexWriter writer;
  private final SearcherManager nrt;

  /** {@code nrt} must be opened on {@code writer} so it sees applied changes after a refresh. */
  public ChangeApplier(IndexWriter writer, SearcherManager nrt) {
    this.writer = writer;
    this.nrt = nrt;
  }

  /** What a batch did: changes applied, and changes skipped as duplicates or older than the index. */
  public record Outcome(int applied, int skipped) {}

  public Outcome apply(List<CatalogChange> changes) throws IOException {
    nrt.maybeRefreshBlocking();
    Map<String, Long> seenInBatch = new HashMap<>();
    int applied = 0;
    IndexSearcher searcher = nrt.acquire();
    try {
      for (CatalogChange change : changes) {
        Long known = seenInBatch.containsKey(change.id()) ? seenInBatch.get(change.id())
            : indexedVersion(searcher, change.id());
        if (!isNewer(change, known)) {
          continue;
        }
        Term id = new Term(SearchSchema.ID, change.id());
        switch (change) {
          case CatalogChange.Upserted up -> writer.updateDocument(id, TrackDocuments.toDocument(up.track()));
          case CatalogChange.Removed removed -> writer.updateDocument(id,
              Tombstones.of(removed.id(), removed.version()));
        }
        seenInBatch.put(change.id(), change.version());
        applied++;
      }
    } finally {
      nrt.release(searcher);
    }
    return new Outcome(applied, changes.size() - applied);
  }

  private static boolean isNewer(CatalogChange change, Long known) {
    if (known == null) {
      return true;
    }
    return switch (change) {
      case CatalogChange.Upserted up -> up.version() > known;
      case CatalogChange.Removed removed -> removed.version() >= known;
    };
  }

  /** The version the index holds for {@code id} (live or tombstone), or null if it has never seen it. */
  static Long indexedVersion(IndexSearcher searcher, String id) throws IOException {
    TopDocs hits = searcher.search(new TermQuery(new Term(SearchSchema.ID, id)), 1);
    if (hits.scoreDocs.length == 0) {
      return null;
    }
    int doc = hits.scoreDocs[0].doc;
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
    NumericDocValues versions = leaf.reader().getNumericDocValues(SearchSchema.VERSION);
    if (versions == null || !versions.advanceExact(doc - leaf.docBase)) {
      return null;
    }
    return versions.longValue();
  }
}
