package dev.tonearm.server.search;

import dev.tonearm.indexer.MusicAnalyzers;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The ranges of a display text that the typed words match: each word of the text whose folded form starts with
 * a folded typed word (the last typed word being a prefix), as {@code [start, end)} char offsets. CJK text,
 * which has no spaces, is matched character by character.
 */
final class Highlights {
  private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private Highlights() {}

  static List<int[]> of(String text, String typed) {
    List<int[]> ranges = new ArrayList<>();
    if (text == null || typed == null || typed.isBlank()) {
      return ranges;
    }
    List<String> words = new ArrayList<>();
    for (String w : NOT_A_WORD.split(MusicAnalyzers.fold(typed))) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (!Character.isLetterOrDigit(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int end = wordEnd(text, i);
      int length = matchedLength(text, i, end, words);
      if (length > 0) {
        ranges.add(new int[] {i, i + length});
      }
      i = end;
    }
    return ranges;
  }

  /** Chars of the word at [start, end) that a typed word covers: a prefix, or a whole ideograph it contains. */
  private static int matchedLength(String text, int start, int end, List<String> words) {
    String word = MusicAnalyzers.fold(text.substring(start, end));
    if (word.isEmpty()) {
      return 0;
    }
    boolean ideograph = isIdeographic(text.codePointAt(start));
    for (String w : words) {
      if (ideograph ? w.contains(word) : word.startsWith(w)) {
        return ideograph ? end - start : prefixLength(text, start, end, w);
      }
    }
    return 0;
  }

  /** End of the word starting at {@code start}; an ideograph is a word of its own. */
  private static int wordEnd(String text, int start) {
    int cp = text.codePointAt(start);
    if (isIdeographic(cp)) {
      return start + Character.charCount(cp);
    }
    int i = start;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      if (!Character.isLetterOrDigit(c) || isIdeographic(c)) {
        break;
      }
      i += Character.charCount(c);
    }
    return i;
  }

  /** How many chars of the word at [start, end) it takes for its folded form to cover {@code prefix}. */
  private static int prefixLength(String text, int start, int end, String prefix) {
    for (int i = start + 1; i <= end; i++) {
      if (MusicAnalyzers.fold(text.substring(start, i)).length() >= prefix.length()) {
        return i - start;
      }
    }
    return end - start;
  }

  private static boolean isIdeographic(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
  }
}
