package dev.tonearm.indexer;

import java.io.IOException;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;

/**
 * A term query whose term is looked up in the term dictionary once per index reader. A keystroke's query holds
 * dozens of term clauses (each typed word in five match fields, and adjacent words run together), each looked up
 * in every segment; the next keystroke, and other listeners typing the same words, look the same terms up again.
 * The lookups are kept per reader ({@link TermStates}: where each segment's postings start, no reader held), at
 * most {@value #PER_READER} terms each, and dropped with it.
 */
final class KeptTerm extends Query {
  static final int PER_READER = 16_384;

  private static final PerReaderCache<Term, TermStates> KEPT = new PerReaderCache<>(PER_READER);

  private final Term term;

  KeptTerm(Term term) {
    this.term = term;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    TermStates states = KEPT.get(searcher.getIndexReader(), term, () -> TermStates.build(searcher, term, true));
    return new TermQuery(term, states);
  }

  @Override
  public void visit(QueryVisitor visitor) {
    if (visitor.acceptField(term.field())) {
      visitor.consumeTerms(this, term);
    }
  }

  @Override
  public String toString(String field) {
    return new TermQuery(term).toString(field);
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && term.equals(((KeptTerm) other).term);
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + term.hashCode();
  }
}
