package dev.tonearm.server.search;

import dev.tonearm.indexer.MusicAnalyzers;
import dev.tonearm.indexer.SearchSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Whether a name (an artist, an album) is what the user is typing, and not just a field of a matching track:
 * every typed word, analyzed like the index's transliterated field, starts some word of the name. So "kino"
 * matches Кино and "beyo" matches Beyoncé, but "halo" does not make Beyoncé an artist suggestion.
 */
final class NameMatch {
  private static final Analyzer ANALYZER = MusicAnalyzers.indexAnalyzer();
  /**
   * Names already analyzed. The transliterating chain costs tens of microseconds a name and ICU serialises it
   * across threads, while one suggest checks up to a thousand artist names, the same popular ones again and
   * again. Cleared when full rather than evicted one by one: names are cheap to analyze again.
   */
  static final int CACHED_NAMES = 100_000;
  static final int MAX_CACHED_CHARS = 200;
  private static final Map<String, List<String>> ANALYZED = new ConcurrentHashMap<>();

  private final List<String> typed;

  NameMatch(String typedText) {
    this.typed = words(typedText);
  }

  /** The typed words, analysed like names. */
  List<String> words() {
    return typed;
  }

  boolean matches(String name) {
    if (typed.isEmpty()) {
      return false;
    }
    List<String> nameWords = words(name);
    String joined = null; // the name's words run together, only when a typed word starts none of them
    for (String w : typed) {
      if (!anyStartsWith(nameWords, w)) {
        joined = joined == null ? String.join("", nameWords) : joined;
        if (!joined.startsWith(w)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean anyStartsWith(List<String> words, String prefix) {
    for (String word : words) {
      if (word.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the typed words are the whole name ("the beatles" or "beatles" for The Beatles). */
  boolean isWhole(String name) {
    List<String> nameWords = words(name);
    return !typed.isEmpty() && (nameWords.equals(typed) || String.join("", nameWords).equals(String.join("", typed)));
  }

  /** The words of {@code text} analysed like the index's transliterated field. */
  static List<String> words(String text) {
    if (text == null) {
      return List.of();
    }
    List<String> cached = ANALYZED.get(text);
    if (cached == null) {
      cached = analyze(text);
      if (text.length() > MAX_CACHED_CHARS) {
        return cached; // a long typed query is not a name worth keeping
      }
      if (ANALYZED.size() >= CACHED_NAMES) {
        ANALYZED.clear();
      }
      ANALYZED.put(text, cached);
    }
    return cached;
  }

  private static List<String> analyze(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream tokens = ANALYZER.tokenStream(SearchSchema.MATCH_TRANSLIT, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken() && out.size() < 20) {
        out.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }
}
