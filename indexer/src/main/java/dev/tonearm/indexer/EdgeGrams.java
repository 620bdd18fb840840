package dev.tonearm.indexer;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The leading 1 to {@code maxGram} code points of each term analysed beforehand, emitted as {@code
 * EdgeNGramTokenFilter(stream, 1, maxGram, false)} emits them over the stream that produced those terms: every gram
 * with its word's offsets, the first carrying the word's position increment (and those of empty words before it),
 * the others none. Grams are copied from the word, never built as strings.
 */
final class EdgeGrams extends TokenStream {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final int maxGram;
  private AnalyzedTerms words;
  private int nextWord;
  private String word;
  private int wordCodePoints;
  private int gram;
  private int gramEnd;
  private int pendingIncrement;

  EdgeGrams(int maxGram) {
    this.maxGram = maxGram;
  }

  /** Emits the grams of {@code words} from the next {@link #reset()} on. */
  void replay(AnalyzedTerms words) {
    this.words = words;
  }

  @Override
  public boolean incrementToken() {
    while (word == null || gram == Math.min(wordCodePoints, maxGram)) {
      if (nextWord == words.tokens().size()) {
        return false;
      }
      startWord(words.tokens().get(nextWord++));
    }
    clearAttributes();
    gramEnd = word.offsetByCodePoints(gramEnd, 1);
    gram++;
    term.setEmpty().append(word, 0, gramEnd);
    increment.setPositionIncrement(pendingIncrement);
    pendingIncrement = 0;
    AnalyzedTerms.Token token = words.tokens().get(nextWord - 1);
    offset.setOffset(token.startOffset(), token.endOffset());
    return true;
  }

  private void startWord(AnalyzedTerms.Token token) {
    word = token.term();
    wordCodePoints = word.codePointCount(0, word.length());
    gram = 0;
    gramEnd = 0;
    pendingIncrement += token.positionIncrement();
  }

  @Override
  public void end() {
    endAttributes();
    increment.setPositionIncrement(pendingIncrement);
    offset.setOffset(words.finalOffset(), words.finalOffset());
  }

  @Override
  public void reset() {
    nextWord = 0;
    word = null;
    pendingIncrement = 0;
  }
}
