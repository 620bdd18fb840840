package dev.tonearm.indexer;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A token stream that emits terms analysed beforehand, so a field can be indexed pre-analysed ({@code new
 * Field(name, new ReplayedTerms(terms), type)}) or a filter can run over another chain's output.
 */
final class ReplayedTerms extends TokenStream {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private AnalyzedTerms terms;
  private int next;

  ReplayedTerms(AnalyzedTerms terms) {
    this.terms = terms;
  }

  /** Replays {@code terms} from the next {@link #reset()} on, so a chain over this stream can be reused. */
  void replay(AnalyzedTerms terms) {
    this.terms = terms;
  }

  @Override
  public boolean incrementToken() {
    if (next == terms.tokens().size()) {
      return false;
    }
    clearAttributes();
    AnalyzedTerms.Token token = terms.tokens().get(next++);
    term.setEmpty().append(token.term());
    increment.setPositionIncrement(token.positionIncrement());
    offset.setOffset(token.startOffset(), token.endOffset());
    return true;
  }

  @Override
  public void end() {
    endAttributes();
    increment.setPositionIncrement(terms.finalPositionIncrement());
    offset.setOffset(terms.finalOffset(), terms.finalOffset());
  }

  @Override
  public void reset() {
    next = 0;
  }
}
