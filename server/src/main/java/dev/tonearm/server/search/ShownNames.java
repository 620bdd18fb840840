package dev.tonearm.server.search;

import dev.tonearm.indexer.SearchSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * The names a suggestion shows of a track, read from stored fields and kept per segment. A segment never changes
 * what it stores (an edited track is a new document elsewhere), so what was read once stays right for as long as
 * the segment lives, across reader refreshes. Popular tracks top many suggestions; keeping their names spares
 * decompressing a stored-fields block per hit per keystroke. A segment keeps the names of at most
 * {@value #PER_SEGMENT} tracks (by default), the first ones shown: popular tracks are shown early and often, so
 * once a segment is full, what it keeps are mostly the tracks worth keeping, and a rarely shown one is read again
 * when asked for. Each segment holds one reference per document for them (4 MB at a million tracks).
 */
final class ShownNames {
  static final int PER_SEGMENT = 50_000;
  private static final Set<String> FIELDS =
      Set.of(SearchSchema.ID, SearchSchema.TITLE, SearchSchema.ARTIST, SearchSchema.ALBUM);

  /** A track as a suggestion names it. */
  record Names(String id, String title, String artist, String album) {}

  /** One segment's kept names, by document. */
  private static final class Kept {
    final AtomicReferenceArray<Names> byDoc;
    final AtomicInteger count = new AtomicInteger();

    Kept(int maxDoc) {
      byDoc = new AtomicReferenceArray<>(maxDoc);
    }

    /** Keeps {@code names} for {@code doc} while fewer than {@code most} are kept. */
    void keep(int doc, Names names, int most) {
      if (count.get() < most && byDoc.compareAndSet(doc, null, names)) {
        count.incrementAndGet();
      }
    }
  }

  private final Map<IndexReader.CacheKey, Kept> bySegment = Collections.synchronizedMap(new WeakHashMap<>());
  private final int perSegment;

  ShownNames() {
    this(PER_SEGMENT);
  }

  /** Keeping the names of at most {@code perSegment} tracks per segment. */
  ShownNames(int perSegment) {
    this.perSegment = perSegment;
  }

  /** The names of each hit of {@code searcher}, in order. */
  List<Names> of(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    // Per segment and call: its kept names, looked up once, and a stored-fields reader (which holds its own
    // decompression buffers), opened only if a name must be read.
    Kept[] kept = new Kept[leaves.size()];
    StoredFields[] readers = new StoredFields[leaves.size()];
    List<Names> out = new ArrayList<>(hits.length);
    for (ScoreDoc hit : hits) {
      int ord = ReaderUtil.subIndex(hit.doc, leaves);
      LeafReaderContext leaf = leaves.get(ord);
      if (kept[ord] == null) {
        kept[ord] = keptFor(leaf.reader());
      }
      int doc = hit.doc - leaf.docBase;
      Names names = kept[ord] == null ? null : kept[ord].byDoc.get(doc);
      if (names == null) {
        if (readers[ord] == null) {
          readers[ord] = leaf.reader().storedFields();
        }
        names = read(readers[ord], doc);
        if (kept[ord] != null) {
          kept[ord].keep(doc, names, perSegment);
        }
      }
      out.add(names);
    }
    return out;
  }

  /** The kept names of {@code leaf}'s segment, or null for a reader without a core key, which keeps none. */
  private Kept keptFor(LeafReader leaf) {
    IndexReader.CacheHelper core = leaf.getCoreCacheHelper();
    return core == null ? null : bySegment.computeIfAbsent(core.getKey(), k -> new Kept(leaf.maxDoc()));
  }

  /** How many tracks' names are kept for {@code leaf}'s segment. */
  int keptCount(LeafReaderContext leaf) {
    Kept kept = bySegment.get(leaf.reader().getCoreCacheHelper().getKey());
    return kept == null ? 0 : kept.count.get();
  }

  private static Names read(StoredFields stored, int doc) throws IOException {
    DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor(FIELDS);
    stored.document(doc, visitor);
    Document d = visitor.getDocument();
    return new Names(d.get(SearchSchema.ID), d.get(SearchSchema.TITLE), d.get(SearchSchema.ARTIST),
        d.get(SearchSchema.ALBUM));
  }
}
