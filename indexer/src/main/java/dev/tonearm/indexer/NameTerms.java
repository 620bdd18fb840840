package dev.tonearm.indexer;

import static dev.tonearm.indexer.SearchSchema.*;

import java.util.List;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;

/**
 * The terms of one name (a title, an artist credit, an album) in the word-based match fields, computed once for
 * all of them: exactly what {@link MusicAnalyzers#indexAnalyzer()} gives each field, without running the shared
 * stages (character filter, whitespace split, case folding, transliteration, word delimiting) once per field. The
 * chains differ only in which per-term steps follow those stages, so the name is case-folded and delimited once
 * for {@link SearchSchema#MATCH_EXACT} and {@link SearchSchema#MATCH_FOLDED}, transliterated and delimited once
 * for {@link SearchSchema#MATCH_TRANSLIT} and {@link SearchSchema#MATCH_PREFIX} (not even that when
 * transliteration changes nothing, as for most Latin names).
 *
 * @param exact as written, case-folded and delimited
 * @param folded {@code exact}, accent-folded
 * @param translit transliterated to ASCII, delimited and accent-folded; the prefix field's words
 */
record NameTerms(AnalyzedTerms exact, AnalyzedTerms folded, AnalyzedTerms translit) {

  /** The fields these terms are for, in the order a document adds them. */
  static final List<String> FIELDS = List.of(MATCH_EXACT, MATCH_FOLDED, MATCH_TRANSLIT, MATCH_PREFIX);

  /** The reusable chains of one thread: none of them is thread-safe. */
  private static final ThreadLocal<Stages> STAGES = ThreadLocal.withInitial(Stages::new);

  static NameTerms of(String name) {
    return STAGES.get().analyse(name);
  }

  /** A fresh stream of this name's terms in {@code field}, one of {@link #FIELDS}. */
  TokenStream tokenStream(String field) {
    return tokenStream(field, null);
  }

  /** The name as a pre-analysed {@code field}, one of {@link #FIELDS}. */
  Field field(String field, FieldType type) {
    return new Field(field, type) {
      @Override
      public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
        return NameTerms.this.tokenStream(name(), reuse);
      }
    };
  }

  /**
   * A stream of this name's terms in {@code field}: {@code reuse}, the stream the writer last used for that field,
   * when it fits, as for Lucene's own fields; a new one otherwise.
   */
  private TokenStream tokenStream(String field, TokenStream reuse) {
    if (field.equals(MATCH_PREFIX)) {
      EdgeGrams grams = reuse instanceof EdgeGrams reused ? reused : new EdgeGrams(MusicAnalyzers.MAX_PREFIX);
      grams.replay(translit);
      return grams;
    }
    ReplayedTerms replayed = reuse instanceof ReplayedTerms reused ? reused : new ReplayedTerms(null);
    replayed.replay(switch (field) {
      case MATCH_EXACT -> exact;
      case MATCH_FOLDED -> folded;
      case MATCH_TRANSLIT -> translit;
      default -> throw new IllegalArgumentException("no pre-analysed terms for field " + field);
    });
    return replayed;
  }

  /** The shared stages, each kept as one reusable chain over a replayed input. */
  private static final class Stages {
    private final ReplayedTerms toDelimit = new ReplayedTerms(null);
    private final TokenStream delimited = MusicAnalyzers.delimitFlat(toDelimit);
    private final ReplayedTerms toTransliterate = new ReplayedTerms(null);
    private final TokenStream transliterated = MusicAnalyzers.transliterate(toTransliterate);

    NameTerms analyse(String name) {
      AnalyzedTerms words = AnalyzedTerms.of(MusicAnalyzers.caseFoldedWords().tokenStream(MATCH_EXACT, name));
      AnalyzedTerms exact = delimit(words);
      AnalyzedTerms folded = exact.map(MusicAnalyzers::fold);
      AnalyzedTerms ascii = transliterate(words);
      if (ascii == words || ascii.equals(words)) {
        return new NameTerms(exact, folded, folded);
      }
      return new NameTerms(exact, folded, delimit(ascii).map(MusicAnalyzers::fold));
    }

    /** Runs the delimiter, unless it would give every word back as it is. */
    private AnalyzedTerms delimit(AnalyzedTerms words) {
      if (all(words, MusicAnalyzers::delimitingKeeps)) {
        return words;
      }
      toDelimit.replay(words);
      return AnalyzedTerms.of(delimited);
    }

    /** Runs the transliterator, unless it would give every word back as it is. */
    private AnalyzedTerms transliterate(AnalyzedTerms words) {
      if (all(words, MusicAnalyzers::transliterationKeeps)) {
        return words;
      }
      toTransliterate.replay(words);
      return AnalyzedTerms.of(transliterated);
    }

    private static boolean all(AnalyzedTerms words, Predicate<String> test) {
      for (AnalyzedTerms.Token word : words.tokens()) {
        if (!test.test(word.term())) {
          return false;
        }
      }
      return true;
    }
  }
}
