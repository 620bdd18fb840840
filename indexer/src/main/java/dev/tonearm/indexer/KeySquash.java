package dev.tonearm.indexer;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns a folded whole name into its key: a leading article followed by whitespace goes ({@code "the beatles"} and
 * {@code "beatles"} key alike), then everything but letters, digits and marks. A hand-written loop rather than two
 * regular expressions, as every title, artist credit and album of every document passes through it: it does what
 * {@code ^(?:the|a|…)\s+(?=\S)} replaced once and {@code [^\p{L}\p{N}\p{M}]+} replaced everywhere did, with
 * {@code \s} as Java reads it by default ({@code [ \t\n\x0B\f\r]}).
 */
final class KeySquash extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final Set<String> articles;

  KeySquash(TokenStream in, Set<String> articles) {
    super(in);
    this.articles = articles;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    String text = term.toString();
    String squashed = squash(text, articles);
    if (!squashed.equals(text)) {
      term.setEmpty().append(squashed);
    }
    return true;
  }

  static String squash(String text, Set<String> articles) {
    String rest = text.substring(afterArticle(text, articles));
    StringBuilder kept = null;
    for (int i = 0; i < rest.length(); ) {
      int c = rest.codePointAt(i);
      int next = i + Character.charCount(c);
      if (!isLetterDigitOrMark(c) && kept == null) {
        kept = new StringBuilder(rest.length()).append(rest, 0, i);
      } else if (isLetterDigitOrMark(c) && kept != null) {
        kept.append(rest, i, next);
      }
      i = next;
    }
    return kept == null ? rest : kept.toString();
  }

  /** Where the name starts once a leading article and the whitespace after it are skipped; 0 if it has none. */
  private static int afterArticle(String text, Set<String> articles) {
    int end = 0;
    while (end < text.length() && !isSpace(text.charAt(end))) {
      end++;
    }
    if (end == text.length() || !articles.contains(text.substring(0, end))) {
      return 0;
    }
    int start = end;
    while (start < text.length() && isSpace(text.charAt(start))) {
      start++;
    }
    return start < text.length() ? start : 0; // the article must be followed by something
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  private static boolean isLetterDigitOrMark(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK -> true;
      default -> false;
    };
  }
}
