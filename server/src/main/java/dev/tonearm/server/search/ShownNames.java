package dev.tonearm.server.search;

import dev.tonearm.indexer.SearchSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * The names a suggestion shows of a track, read from stored fields and kept per segment. A segment never changes
 * what it stores (an edited track is a new document elsewhere), so what was read once stays right for as long as
 * the segment lives, across reader refreshes. Popular tracks top many suggestions; keeping their names spares
 * decompressing a stored-fields block per hit per keystroke. At most {@value #PER_SEGMENT} tracks are kept per
 * segment; a full segment's names start over.
 */
final class ShownNames {
  static final int PER_SEGMENT = 20_000;
  private static final Set<String> FIELDS =
      Set.of(SearchSchema.ID, SearchSchema.TITLE, SearchSchema.ARTIST, SearchSchema.ALBUM);

  /** A track as a suggestion names it. */
  record Names(String id, String title, String artist, String album) {}

  private final Map<IndexReader.CacheKey, Map<Integer, Names>> bySegment =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** The names of each hit of {@code searcher}, in order. */
  List<Names> of(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    // One stored-fields reader per segment and call: each holds its own decompression buffers.
    StoredFields[] readers = new StoredFields[leaves.size()];
    List<Names> out = new ArrayList<>(hits.length);
    for (ScoreDoc hit : hits) {
      int ord = ReaderUtil.subIndex(hit.doc, leaves);
      LeafReaderContext leaf = leaves.get(ord);
      out.add(of(leaf, hit.doc - leaf.docBase, readers, ord));
    }
    return out;
  }

  private Names of(LeafReaderContext leaf, int doc, StoredFields[] readers, int ord) throws IOException {
    IndexReader.CacheHelper core = leaf.reader().getCoreCacheHelper();
    Map<Integer, Names> kept = core == null ? null
        : bySegment.computeIfAbsent(core.getKey(), k -> new ConcurrentHashMap<>());
    Names names = kept == null ? null : kept.get(doc);
    if (names == null) {
      if (readers[ord] == null) {
        readers[ord] = leaf.reader().storedFields();
      }
      names = read(readers[ord], doc);
      if (kept == null) {
        return names;
      }
      if (kept.size() >= PER_SEGMENT) {
        kept.clear();
      }
      kept.put(doc, names);
    }
    return names;
  }

  private static Names read(StoredFields stored, int doc) throws IOException {
    DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor(FIELDS);
    stored.document(doc, visitor);
    Document d = visitor.getDocument();
    return new Names(d.get(SearchSchema.ID), d.get(SearchSchema.TITLE), d.get(SearchSchema.ARTIST),
        d.get(SearchSchema.ALBUM));
  }
}
