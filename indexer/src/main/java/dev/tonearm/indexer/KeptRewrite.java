package dev.tonearm.indexer;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * A query whose rewrite is kept for as long as the index reader lives. Typo tolerance rewrites a word into the
 * indexed terms within its edit distance: an automaton built and run over the term dictionary, the costliest part
 * of a suggestion. While a listener types on, every keystroke asks for the same rewrite of the words already
 * typed ("walaskjalf" in "walaskjalf", "walaskjalf i", "walaskjalf in"...), and so do listeners who mistype alike.
 * The rewritten query holds term statistics of one reader, so the rewrites are kept per reader and dropped with
 * it, at most {@value #PER_READER} each.
 */
final class KeptRewrite extends Query {
  static final int PER_READER = 4096;

  private static final Map<IndexReader.CacheKey, Map<Query, Query>> BY_READER =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final Query query;

  KeptRewrite(Query query) {
    this.query = query;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    IndexReader.CacheHelper helper = searcher.getIndexReader().getReaderCacheHelper();
    if (helper == null) {
      return searcher.rewrite(query);
    }
    Map<Query, Query> kept = BY_READER.computeIfAbsent(helper.getKey(),
        k -> Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Query, Query> eldest) {
            return size() > PER_READER;
          }
        }));
    Query rewritten = kept.get(query);
    if (rewritten == null) {
      rewritten = searcher.rewrite(query); // outside any lock; two threads may both rewrite, alike
      kept.put(query, rewritten);
    }
    return rewritten;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    query.visit(visitor);
  }

  @Override
  public String toString(String field) {
    return query.toString(field);
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && query.equals(((KeptRewrite) other).query);
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + query.hashCode();
  }
}
