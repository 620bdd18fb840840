package dev.tonearm.indexer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.graph.GraphTokenStreamFiniteStrings;

/**
 * What a listener typed, made safe and split into words. Typed text is never a query language: control
 * characters, unpaired surrogates, unassigned and private-use code points become spaces, format characters
 * vanish, the text is cut at {@value #MAX_CODE_POINTS} code points, words at {@value #MAX_WORD} code points, and
 * at most {@value #MAX_WORDS} words are kept. A word without a letter or digit ("&amp;", "-", "🎸") cannot match
 * anything and is dropped.
 *
 * @param words the kept words, as typed
 * @param blank whether nothing but whitespace was typed
 * @param typing whether the last kept word may still grow: it ends the text, no space after it
 */
record QueryText(List<String> words, boolean blank, boolean typing) {

  static final int MAX_CODE_POINTS = 200;
  static final int MAX_WORDS = 10;
  static final int MAX_WORD = 40;
  /** Alias phrasings tried besides the typed one; a query with many aliased words would otherwise explode. */
  static final int MAX_ALIAS_PHRASINGS = 4;

  static QueryText of(String typed) {
    String clean = sanitize(typed == null ? "" : typed);
    List<String> words = new ArrayList<>();
    boolean lastKept = false;
    for (String word : clean.split("\\s+")) {
      lastKept = words.size() < MAX_WORDS && searchable(word);
      if (lastKept) {
        words.add(capped(word, MAX_WORD));
      }
    }
    return new QueryText(List.copyOf(words), clean.isBlank(), lastKept && !clean.endsWith(" "));
  }

  /** The typed words first, then up to {@value #MAX_ALIAS_PHRASINGS} rewrites through {@code synonyms.txt}. */
  List<List<String>> phrasings() {
    Set<List<String>> phrasings = new LinkedHashSet<>();
    phrasings.add(words);
    try (TokenStream tokens = MusicAnalyzers.synonymAnalyzer().tokenStream("", String.join(" ", words))) {
      Iterator<TokenStream> paths = new GraphTokenStreamFiniteStrings(tokens).getFiniteStrings();
      for (int seen = 0; paths.hasNext() && seen < 4 * MAX_ALIAS_PHRASINGS
          && phrasings.size() <= MAX_ALIAS_PHRASINGS; seen++) {
        List<String> aliased = aliased(paths.next());
        if (aliased != null) {
          phrasings.add(aliased);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analyzing a String does no I/O
    }
    return List.copyOf(phrasings);
  }

  /** The words of one path through the alias graph, or null when the path took no alias. */
  private static List<String> aliased(TokenStream path) throws IOException {
    CharTermAttribute term = path.addAttribute(CharTermAttribute.class);
    TypeAttribute type = path.addAttribute(TypeAttribute.class);
    List<String> words = new ArrayList<>();
    boolean alias = false;
    path.reset();
    while (path.incrementToken()) {
      words.add(term.toString());
      alias |= SynonymGraphFilter.TYPE_SYNONYM.equals(type.type());
    }
    return alias && !words.isEmpty() && words.size() <= MAX_WORDS ? List.copyOf(words) : null;
  }

  static String sanitize(String typed) {
    StringBuilder out = new StringBuilder(Math.min(typed.length(), 2 * MAX_CODE_POINTS));
    int kept = 0;
    for (int i = 0; i < typed.length() && kept < MAX_CODE_POINTS; ) {
      int cp = typed.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.getType(cp) == Character.FORMAT) {
        continue; // zero-width joiners, soft hyphens, bidi marks: the index drops them too (NFKC_Casefold)
      }
      out.appendCodePoint(separates(cp) ? ' ' : cp);
      kept++;
    }
    return out.toString();
  }

  private static boolean separates(int cp) {
    int type = Character.getType(cp);
    return type == Character.CONTROL || type == Character.SURROGATE || type == Character.UNASSIGNED
        || type == Character.PRIVATE_USE || Character.isSpaceChar(cp);
  }

  private static boolean searchable(String word) {
    return word.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  private static String capped(String word, int codePoints) {
    return word.codePointCount(0, word.length()) <= codePoints
        ? word
        : word.substring(0, word.offsetByCodePoints(0, codePoints));
  }
}
