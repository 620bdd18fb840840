package dev.tonearm.indexer;

import static dev.tonearm.indexer.SearchSchema.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * How one typed word matches a track, as a sum of match classes, each a constant score. A word that matches as
 * written also matches folded, transliterated and as a prefix, so the sums order themselves: exact (as written)
 * &gt; prefix &gt; folded &gt; transliterated &gt; fuzzy. Prefix and fuzzy, the two partial classes, count the
 * better of the two, not both. Scores are constants on purpose: with term statistics a
 * rare fuzzy term could outscore a common exact one.
 *
 * <p>How far the listener is with a word ({@link Stage}) decides which classes count. A word followed by more
 * text is matched whole; the last word may also be a prefix. While a short word is still being typed, though,
 * it is mostly the start of something longer: "lady" is far more often the start of Lady Gaga than the obscure
 * title "Lady", "nick" of Nickelback than of Nick Jonas. So one or two plain letters match as prefixes only, and
 * a lone word of three to {@value #STARTED_UP_TO} plain letters matches as a prefix with its whole-word classes
 * scaled by {@value #STARTED_SCALE}: a lift smaller than popularity's range, which then decides between the
 * tracks the letters start and leaves the whole word only the near-ties. A space after the word, a second word, a
 * sixth letter or a special letter typed on purpose ("mø", "rós") restores the full classes.
 */
final class WordMatch {

  static final float EXACT = 8f;
  static final float PREFIX = 4f;
  static final float FOLDED = 2f;
  static final float TRANSLIT = 1f;
  static final float INFIX = 1f;
  static final float FUZZY = 0.5f;
  /** Typed words up to this long, while being typed, match as prefixes only. */
  static final int SHORT_PREFIX = 2;
  /** A lone word up to this long, while being typed, is {@link Stage#STARTED}. */
  static final int STARTED_UP_TO = 5;
  /**
   * What whole-word classes count for a {@link Stage#STARTED} word: as written 0.008, under a tenth of
   * popularity's range ({@code TrackQueries.POPULARITY_WEIGHT}), so it only breaks near-ties.
   */
  static final float STARTED_SCALE = 0.001f;

  /** Fuzzy terms a word may expand to: typo tolerance stays cheap and cannot flood the results. */
  static final int MAX_EXPANSIONS = 20;
  /** Shortest word (in code points) that tolerates one edit, and two. */
  static final int ONE_EDIT_FROM = 4;
  static final int TWO_EDITS_FROM = 8;
  /** Longer words are not fuzzed: their automata get expensive and a typo there is rare. */
  static final int FUZZY_UP_TO = 30;

  private static final QueryBuilder BUILDER = new QueryBuilder(MusicAnalyzers.queryAnalyzer());

  private WordMatch() {}

  /** How many match classes a word gets: all, all but fuzzy, or only the cheap ones for oversized queries. */
  enum Breadth {
    FULL,
    NO_FUZZY,
    LEAN
  }

  /** How far the listener is with a word: it decides which match classes count, and how much. */
  enum Stage {
    /** A word with more typed after it: matched whole. */
    WHOLE,
    /** The last word, long enough to mean itself or followed by a space: whole, or as a prefix. */
    LAST,
    /** A lone word of three to {@value WordMatch#STARTED_UP_TO} plain letters being typed: a prefix first. */
    STARTED,
    /** One or two plain letters being typed: a prefix only. */
    FIRST_LETTERS;

    /**
     * The stage of a typed word.
     *
     * @param last whether it is the last word
     * @param typing whether the listener may still be typing it: the text ends with it, no space after
     * @param alone whether it is the only word
     */
    static Stage of(String word, boolean last, boolean typing, boolean alone) {
      if (!last) {
        return WHOLE;
      }
      if (typing && isShortPrefix(word)) {
        return FIRST_LETTERS;
      }
      boolean plain = word.chars().allMatch(c -> c < 128);
      return typing && alone && plain && word.length() <= STARTED_UP_TO ? STARTED : LAST;
    }

    /** Whether the word may be the start of a longer one. */
    boolean prefix() {
      return this != WHOLE;
    }
  }

  /** Every way {@code word} can match at {@code stage}, summed; null if no analyzer keeps anything of it. */
  static Query of(String word, Stage stage, Breadth breadth) {
    boolean lean = breadth == Breadth.LEAN;
    List<Query> classes = new ArrayList<>();
    if (stage == Stage.FIRST_LETTERS) {
      // One or two letters typed say little yet: "i" is the start of Imagine Dragons more than the title "i".
      // Every track they start is equal here, and popularity orders them.
      add(classes, MATCH_PREFIX, word, PREFIX);
      return sum(classes);
    }
    float whole = stage == Stage.STARTED ? STARTED_SCALE : 1f;
    add(classes, MATCH_EXACT, word, EXACT * whole);
    add(classes, MATCH_FOLDED, word, FOLDED * whole);
    if (!lean) {
      add(classes, MATCH_TRANSLIT, word, TRANSLIT * whole);
      if (hasCjk(word)) {
        add(classes, MATCH_INFIX, word, INFIX * whole);
      }
    }
    List<Query> partial = new ArrayList<>();
    if (stage.prefix()) {
      add(partial, MATCH_PREFIX, word, PREFIX);
    }
    Query fuzzy = breadth == Breadth.FULL ? fuzzy(word) : null;
    if (fuzzy != null) {
      partial.add(constant(fuzzy, FUZZY));
    }
    if (!partial.isEmpty()) {
      // While typing, "beyon" is one edit from "beyond" but a prefix of both "beyond" and "beyoncé":
      // the better of prefix and fuzzy counts, never both, or every one-letter completion would win.
      classes.add(partial.size() == 1 ? partial.get(0) : new DisjunctionMaxQuery(partial, 0f));
    }
    return sum(classes);
  }

  /**
   * Whether a word being typed is still too short to mean itself: one or two plain ASCII characters. A special
   * letter typed on purpose ("mø" for MØ) or a CJK character means itself from the first keystroke.
   */
  static boolean isShortPrefix(String word) {
    return word.length() <= SHORT_PREFIX && word.chars().allMatch(c -> c < 128);
  }

  /** {@code word} as written only: the one cheap class, for words that only lift a ranking. */
  static Query asWritten(String word) {
    List<Query> classes = new ArrayList<>();
    add(classes, MATCH_EXACT, word, EXACT);
    return sum(classes);
  }

  /** {@code word} as the start of a word only, every match equal: popularity orders them. */
  static Query prefixOnly(String word) {
    List<Query> classes = new ArrayList<>();
    add(classes, MATCH_PREFIX, word, PREFIX);
    return sum(classes);
  }

  /** Two typed words run together ("sugar cane" → "sugarcane"): matched as written, folded and transliterated. */
  static Query joined(String first, String second, boolean typing) {
    List<Query> classes = new ArrayList<>();
    String word = first + second;
    add(classes, MATCH_EXACT, word, EXACT);
    add(classes, MATCH_FOLDED, word, FOLDED);
    add(classes, MATCH_TRANSLIT, word, TRANSLIT);
    if (typing) {
      add(classes, MATCH_PREFIX, word, PREFIX);
    }
    return sum(classes);
  }

  private static void add(List<Query> classes, String field, String word, float boost) {
    Query query = BUILDER.createBooleanQuery(field, word, Occur.MUST);
    if (query instanceof TermQuery single) {
      query = new KeptTerm(single.getTerm());
    }
    if (query != null) {
      classes.add(constant(query, boost));
    }
  }

  /** One or two edits on the transliterated form, which is plain ASCII for Latin, Cyrillic, Greek and kana. */
  private static Query fuzzy(String word) {
    String token = fuzzable(word);
    if (token == null) {
      return null;
    }
    int edits = token.codePointCount(0, token.length()) >= TWO_EDITS_FROM ? 2 : 1;
    return new KeptRewrite(new FuzzyQuery(new Term(MATCH_TRANSLIT, token), edits, 1, MAX_EXPANSIONS, true));
  }

  /** Whether {@code word} would get a fuzzy class: building its automata is the costly part of a query. */
  static boolean isFuzzy(String word) {
    return fuzzable(word) != null;
  }

  private static String fuzzable(String word) {
    List<String> tokens = tokens(MATCH_TRANSLIT, word);
    if (tokens.size() != 1) {
      return null; // "ac/dc" and the like: punctuation matching already covers them
    }
    String token = tokens.get(0);
    int length = token.codePointCount(0, token.length());
    return length < ONE_EDIT_FROM || length > FUZZY_UP_TO ? null : token;
  }

  private static List<String> tokens(String field, String text) {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = MusicAnalyzers.queryAnalyzer(field).tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analyzing a String does no I/O
    }
    return tokens;
  }

  private static boolean hasCjk(String word) {
    return word.codePoints().anyMatch(cp -> switch (Character.UnicodeScript.of(cp)) {
      case HAN, HIRAGANA, KATAKANA, HANGUL -> true;
      default -> false;
    });
  }

  private static Query constant(Query query, float boost) {
    return new BoostQuery(new ConstantScoreQuery(query), boost);
  }

  private static Query sum(List<Query> classes) {
    if (classes.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder sum = new BooleanQuery.Builder();
    classes.forEach(query -> sum.add(query, Occur.SHOULD));
    return sum.build();
  }
}
