package dev.tonearm.indexer;

import java.io.IOException;
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

  private static final PerReaderCache<Query, Query> KEPT = new PerReaderCache<>(PER_READER);

  private final Query query;

  KeptRewrite(Query query) {
    this.query = query;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    return KEPT.get(searcher.getIndexReader(), query, () -> searcher.rewrite(query));
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
