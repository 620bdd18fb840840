package dev.tonearm.indexer;

import java.io.IOException;
import java.io.Reader;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharFilter;

/**
 * The character filter every text chain starts with: a {@code !} or {@code $} between letters reads as the letter
 * it stands for ({@code P!nk → Pink}, {@code Ke$ha → Kesha}). A name holds neither sign far more often than not,
 * so the text is read once and the patterns run only when one occurs. Each rewrite swaps one char for one char,
 * so offsets need no correction.
 */
final class MusicChars extends CharFilter {
  private static final Pattern BANG_IN_WORD = Pattern.compile("(?<=\\p{L})!(?=\\p{L})");
  private static final Pattern DOLLAR_IN_WORD = Pattern.compile("(?<=\\p{L})\\$(?=\\p{L})");

  private String text;
  private int next;

  MusicChars(Reader in) {
    super(in);
  }

  /** {@code text} as the filter passes it on. */
  static String rewrite(String text) {
    String out = text;
    if (out.indexOf('!') >= 0) {
      out = BANG_IN_WORD.matcher(out).replaceAll("i");
    }
    if (out.indexOf('$') >= 0) {
      out = DOLLAR_IN_WORD.matcher(out).replaceAll("s");
    }
    return out;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (text == null) {
      text = rewrite(readAll());
    }
    if (next == text.length()) {
      return length == 0 ? 0 : -1;
    }
    int count = Math.min(length, text.length() - next);
    text.getChars(next, next + count, buffer, offset);
    next += count;
    return count;
  }

  @Override
  protected int correct(int offset) {
    return offset;
  }

  private String readAll() throws IOException {
    StringBuilder all = new StringBuilder();
    char[] chunk = new char[256];
    for (int n; (n = input.read(chunk)) != -1; ) {
      all.append(chunk, 0, n);
    }
    return all.toString();
  }
}
