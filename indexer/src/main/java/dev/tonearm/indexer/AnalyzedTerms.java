package dev.tonearm.indexer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * What a token stream emitted for one field value, as the index reads it: each term with its position increment and
 * offsets, then the increment and offset its {@code end()} left.
 */
record AnalyzedTerms(List<Token> tokens, int finalPositionIncrement, int finalOffset) {

  /** One emitted term. */
  record Token(String term, int positionIncrement, int startOffset, int endOffset) {}

  AnalyzedTerms {
    tokens = List.copyOf(tokens);
  }

  /** Runs {@code stream} to its end and closes it. */
  static AnalyzedTerms of(TokenStream stream) {
    CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
    PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
    OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
    List<Token> tokens = new ArrayList<>();
    try (stream) {
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(new Token(term.toString(), increment.getPositionIncrement(), offset.startOffset(),
            offset.endOffset()));
      }
      stream.end();
      return new AnalyzedTerms(tokens, increment.getPositionIncrement(), offset.endOffset());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysis of a String does no I/O
    }
  }

  /** The same tokens with each term rewritten by {@code perTerm}, as a filter that only edits terms would. */
  AnalyzedTerms map(UnaryOperator<String> perTerm) {
    List<Token> mapped = new ArrayList<>(tokens.size());
    boolean changed = false;
    for (Token token : tokens) {
      String term = perTerm.apply(token.term());
      changed |= !term.equals(token.term());
      mapped.add(new Token(term, token.positionIncrement(), token.startOffset(), token.endOffset()));
    }
    return changed ? new AnalyzedTerms(mapped, finalPositionIncrement, finalOffset) : this;
  }
}
