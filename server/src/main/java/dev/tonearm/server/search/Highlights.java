package dev.tonearm.server.search;

import dev.tonearm.indexer.MusicAnalyzers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The ranges of a display text that the typed words match: each word of the text whose folded form starts with
 * a folded typed word (the last typed word being a prefix), as {@code [start, end)} char offsets. CJK text,
 * which has no spaces, is matched character by character.
 */
final class Highlights {
  private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Highlights NONE = new Highlights(List.of());

  /** The typed words, folded. */
  private final List<String> words;

  private Highlights(List<String> words) {
    this.words = words;
  }

  /** What {@code typed} highlights: its words are folded once, for every text of a response. */
  static Highlights of(String typed) {
    if (typed == null || typed.isBlank()) {
      return NONE;
    }
    List<String> words = new ArrayList<>();
    for (String w : NOT_A_WORD.split(fold(typed))) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return new Highlights(List.copyOf(words));
  }

  /** The ranges of {@code text} the typed words match; none for no text. */
  List<int[]> in(String text) {
    List<int[]> ranges = new ArrayList<>();
    if (text == null || words.isEmpty()) {
      return ranges;
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
    String word = fold(text.substring(start, end));
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
    if (plain(text, start, end)) {
      return Math.min(prefix.length(), end - start); // folding plain letters and digits keeps their length
    }
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

  /**
   * {@link MusicAnalyzers#fold}: for plain ASCII letters and digits that is lowercasing, and most words of names
   * are plain, so the ICU normalizer runs only on the others (it drops some ASCII marks, such as "^").
   */
  static String fold(String text) {
    return plain(text, 0, text.length()) ? text.toLowerCase(Locale.ROOT) : MusicAnalyzers.fold(text);
  }

  /** Whether {@code text[start, end)} is ASCII letters and digits only. */
  private static boolean plain(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }
}
