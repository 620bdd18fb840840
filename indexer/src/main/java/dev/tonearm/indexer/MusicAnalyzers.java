package dev.tonearm.indexer;

import static dev.tonearm.indexer.SearchSchema.*;

import com.ibm.icu.text.Normalizer;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.apache.lucene.analysis.icu.segmentation.DefaultICUTokenizerConfig;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.TruncateTokenFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The one place that builds analyzers, index-time and query-time side by side per field, so they cannot drift.
 *
 * <p>Every text chain starts with the same character filter, {@link MusicChars}: a {@code !} or {@code $} between
 * letters reads as the letter it stands for ({@code P!nk → Pink}, {@code Ke$ha → Kesha}). Word chains split on whitespace, then
 * {@link WordDelimiterGraphFilter} splits punctuation and also emits the catenation, so {@code AC/DC} indexes as
 * {@code ac}, {@code dc} and {@code acdc} and {@code R.E.M.} as {@code r}, {@code e}, {@code m}, {@code rem}. At
 * index time the graph is flattened; at query time it is kept, so {@code QueryBuilder} turns {@code ac/dc} into
 * {@code acdc OR (ac AND dc)}. Query chains never add n-grams: the prefix chain truncates to the longest gram.
 *
 * <p>All analyzers are thread-safe singletons, built once.
 */
public final class MusicAnalyzers {

  /** Longest indexed prefix gram; longer typed prefixes are truncated to it. */
  public static final int MAX_PREFIX = 20;
  /** Longest whole-name key, in chars; longer names are keyed by their start. */
  public static final int MAX_KEY = 100;
  /** Where the aliases live; see the file's header for how to add a line. */
  public static final String SYNONYMS_RESOURCE = "synonyms.txt";

  private static final int WORD_FLAGS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
      | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
      | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS
      | WordDelimiterGraphFilter.CATENATE_ALL;
  private static final Normalizer2 CASE_FOLD = Normalizer2.getNFKCCasefoldInstance();
  /**
   * Greek by the modern UN convention (Μίκης → Mikis), Russian by BGN (Цой → Tsoy), kana and Hangul by ICU's
   * default. Han stays Han: ICU reads it as Mandarin, which turns Japanese titles into pinyin noise ("群青日和"
   * would match "he"); CJK text is matched by {@link SearchSchema#MATCH_INFIX} instead.
   */
  private static final Transliterator TO_ASCII = asciiPassesThrough(
      Transliterator.getInstance("Greek-Latin/UNGEGN; Russian-Latin/BGN; [:^Han:] Any-Latin; Latin-ASCII"));
  /** Articles a name may start with, ignored in whole-name keys and optional as a query's first word. */
  public static final Set<String> LEADING_ARTICLES =
      Set.of("the", "a", "an", "le", "la", "les", "el", "los", "las", "die", "der", "das", "il");

  /** Whitespace words, case-folded: the stage the word chains share, for {@link NameTerms}. */
  private static final Analyzer CASE_FOLDED_WORDS = words(MusicAnalyzers::caseFold);

  private static final Map<String, Analyzer> INDEX = Map.of(
      MATCH_EXACT, words(ts -> delimitFlat(caseFold(ts))),
      MATCH_FOLDED, words(ts -> fold(delimitFlat(caseFold(ts)))),
      MATCH_TRANSLIT, words(ts -> fold(delimitFlat(translit(ts)))),
      MATCH_PREFIX, words(ts -> new EdgeNGramTokenFilter(
          fold(delimitFlat(translit(ts))), 1, MAX_PREFIX, false)),
      MATCH_INFIX, scriptAware(ts -> fold(new CJKBigramFilter(ts, 0xff, true))),
      TITLE_KEY, whole(MusicAnalyzers::key),
      ARTIST_KEY, whole(MusicAnalyzers::key),
      ALBUM_KEY, whole(MusicAnalyzers::key));

  private static final Map<String, Analyzer> QUERY = Map.of(
      MATCH_EXACT, words(ts -> delimit(caseFold(ts))),
      MATCH_FOLDED, words(ts -> fold(delimit(caseFold(ts)))),
      MATCH_TRANSLIT, words(ts -> fold(delimit(translit(ts)))),
      MATCH_PREFIX, words(ts -> new TruncateTokenFilter(fold(delimit(translit(ts))), MAX_PREFIX)),
      MATCH_INFIX, scriptAware(ts -> fold(new CJKBigramFilter(ts, 0xff, false))),
      TITLE_KEY, INDEX.get(TITLE_KEY),
      ARTIST_KEY, INDEX.get(ARTIST_KEY),
      ALBUM_KEY, INDEX.get(ALBUM_KEY));

  private static final Analyzer FALLBACK = INDEX.get(MATCH_EXACT);
  private static final PerFieldAnalyzerWrapper INDEX_ANALYZER = new PerFieldAnalyzerWrapper(FALLBACK, INDEX);
  private static final PerFieldAnalyzerWrapper QUERY_ANALYZER = new PerFieldAnalyzerWrapper(FALLBACK, QUERY);
  private static final Analyzer SYNONYMS = synonymAnalyzer(loadSynonyms());

  private MusicAnalyzers() {}

  /** The analyzer for {@code IndexWriterConfig}: the index-time chain of every {@link SearchSchema} field. */
  public static Analyzer indexAnalyzer() {
    return INDEX_ANALYZER;
  }

  /** The query-time chain of every {@link SearchSchema} field. */
  public static Analyzer queryAnalyzer() {
    return QUERY_ANALYZER;
  }

  /** The query-time chain of one field; {@link SearchSchema#MATCH_EXACT}'s for fields without their own. */
  public static Analyzer queryAnalyzer(String field) {
    return QUERY.getOrDefault(field, FALLBACK);
  }

  /**
   * Whitespace words, case- and accent-folded, through the alias graph of {@code synonyms.txt}: injected aliases
   * carry the token type {@link SynonymGraphFilter#TYPE_SYNONYM}. Query time only.
   */
  public static Analyzer synonymAnalyzer() {
    return SYNONYMS;
  }

  /** Folds text the way the matching fields do (lowercase, no accents, NFKC), for sort keys. */
  public static String fold(String text) {
    // What ICUFoldingFilter does to a term: text already folded stays as it is, and most text is.
    return ICUFoldingFilter.NORMALIZER.quickCheck(text) == Normalizer.YES ? text
        : ICUFoldingFilter.NORMALIZER.normalize(text);
  }

  /**
   * No step of {@link #TO_ASCII} changes ASCII, yet a compound transliterator runs every rule set over every
   * character; filtering ASCII out up front (what {@code ICUTransformFilter} does for simple transliterators)
   * makes indexing Latin names several times cheaper.
   */
  private static Transliterator asciiPassesThrough(Transliterator transliterator) {
    transliterator.setFilter(new UnicodeSet("[:^ASCII:]").freeze());
    return transliterator;
  }

  /**
   * The word chains' first stage: {@link MusicChars}, whitespace words, case folding. {@link NameTerms} runs it once
   * per name and derives each match field's terms from its output with the stages below, as the chains do.
   */
  static Analyzer caseFoldedWords() {
    return CASE_FOLDED_WORDS;
  }

  static TokenStream caseFold(TokenStream in) {
    return new ICUNormalizer2Filter(in, CASE_FOLD);
  }

  /** Transliteration to ASCII of text already case-folded. */
  static TokenStream transliterate(TokenStream in) {
    return new ICUTransformFilter(in, TO_ASCII);
  }

  /** Punctuation and case splits plus the catenation, flattened as the index holds them. */
  static TokenStream delimitFlat(TokenStream in) {
    return new FlattenGraphFilter(delimit(in));
  }

  /** Whether {@link #transliterate} leaves {@code term} as it is: ASCII never reaches the transliterator. */
  static boolean transliterationKeeps(String term) {
    for (int i = 0; i < term.length(); i++) {
      if (term.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@link #delimitFlat} emits {@code term} alone and unchanged, with its position and offsets: a word of
   * ASCII lowercase letters only, or of digits only, has nothing to split and no parts to join.
   */
  static boolean delimitingKeeps(String term) {
    if (term.isEmpty()) {
      return false;
    }
    boolean letters = isLowerAscii(term.charAt(0));
    for (int i = 0; i < term.length(); i++) {
      char c = term.charAt(i);
      if (letters ? !isLowerAscii(c) : !(c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLowerAscii(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static TokenStream translit(TokenStream in) {
    return transliterate(caseFold(in));
  }

  private static TokenStream delimit(TokenStream in) {
    return new WordDelimiterGraphFilter(in, WORD_FLAGS, null);
  }

  private static TokenStream fold(TokenStream in) {
    return new ICUFoldingFilter(in);
  }

  private static TokenStream key(TokenStream in) {
    TokenStream folded = fold(translit(in));
    TokenStream squashed = new KeySquash(folded, LEADING_ARTICLES);
    return new LengthFilter(new TruncateTokenFilter(squashed, MAX_KEY), 1, Integer.MAX_VALUE);
  }

  private static Analyzer words(UnaryOperator<TokenStream> filters) {
    return chain(WhitespaceTokenizer::new, filters);
  }

  private static Analyzer whole(UnaryOperator<TokenStream> filters) {
    return chain(KeywordTokenizer::new, filters);
  }

  /** ICU word breaks, with CJK as single characters for the bigram filter to pair up. */
  private static Analyzer scriptAware(UnaryOperator<TokenStream> filters) {
    return chain(() -> new ICUTokenizer(new DefaultICUTokenizerConfig(false, true)), filters);
  }

  private static Analyzer chain(Supplier<Tokenizer> tokenizer, UnaryOperator<TokenStream> filters) {
    return new Analyzer() {
      @Override
      protected Reader initReader(String fieldName, Reader reader) {
        return new MusicChars(reader);
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = tokenizer.get();
        return new TokenStreamComponents(source, filters.apply(source));
      }
    };
  }

  private static Analyzer synonymAnalyzer(SynonymMap synonyms) {
    return words(ts -> {
      TokenStream folded = fold(caseFold(ts));
      return synonyms.fst == null ? folded : new SynonymGraphFilter(folded, synonyms, true);
    });
  }

  private static SynonymMap loadSynonyms() {
    try (InputStream in = MusicAnalyzers.class.getResourceAsStream(SYNONYMS_RESOURCE);
        Analyzer entries = words(ts -> fold(caseFold(ts)))) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + SYNONYMS_RESOURCE);
      }
      SolrSynonymParser parser = new SolrSynonymParser(true, true, entries);
      parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
      return parser.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException("bad line in " + SYNONYMS_RESOURCE + ": " + e.getMessage(), e);
    }
  }
}
