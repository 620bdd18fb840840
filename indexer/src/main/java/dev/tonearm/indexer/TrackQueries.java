package dev.tonearm.indexer;

import static dev.tonearm.indexer.SearchSchema.*;

import dev.tonearm.catalog.Viewer;
import dev.tonearm.catalog.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Queries over the track index. {@link #asYouType} reads what a listener has typed so far: every word must match
 * somewhere in the title, the artist credits or the album (a leading article may be left out), the last word may
 * be a prefix, and two words typed apart may match one indexed word. Ranking is by match class, then popularity:
 *
 * <ol>
 *   <li>the whole text names a title or an artist ({@value #NAME}; album {@value #ALBUM_NAME});
 *   <li>per word, a sum of {@link WordMatch} classes: as written {@value WordMatch#EXACT}, prefix
 *       {@value WordMatch#PREFIX}, folded {@value WordMatch#FOLDED}, transliterated {@value WordMatch#TRANSLIT},
 *       fuzzy {@value WordMatch#FUZZY};
 *   <li>popularity, saturated below {@value #POPULARITY_WEIGHT}, less than the smallest gap between classes.
 * </ol>
 *
 * <p>Except while one short word is still being typed ({@link WordMatch.Stage}): then the letters are mostly the
 * start of a longer name, and popularity, not a whole word, should decide. One or two plain letters match as
 * prefixes only, without the whole-name bonus. A lone word of three to five plain letters with no space after it
 * matches as a prefix, its whole-word classes scaled down to a lift under popularity's range and its whole-name
 * bonus down to {@link #STARTED_NAME}: "lady" puts Lady Antebellum and Lady Gaga before the obscure titles
 * "Lady", "nick" Nickelback before Nick Jonas. Typing a space, a second word or a sixth letter makes the word
 * mean itself again: "lady " puts the titles "Lady" first. Typos stay below every prefix, and a special letter
 * typed on purpose ("rós") keeps its full classes, so an exact accented match still ranks above a folded one.
 */
public final class TrackQueries {

  static final float NAME = 16f;
  static final float ALBUM_NAME = 8f;
  static final float POPULARITY_WEIGHT = 0.25f;
  /**
   * The whole-name bonus while a lone short word is still being typed ({@link WordMatch.Stage#STARTED}): an
   * eighth of popularity's range. Popularity saturates, so hits of one era sit close together: this picks
   * "Down" (Jay Sean) among the many popular tracks with "down" in them, and P!nk before Pink Floyd, but not
   * an obscure "Lady" before Lady Gaga.
   */
  static final float STARTED_NAME = POPULARITY_WEIGHT / 8;
  /** Leaf queries (fuzzy counted at its expansions) above which a query is rebuilt lean: well under 1024. */
  static final int LEAF_BUDGET = 400;
  /**
   * Words per query that tolerate typos. A two-edit automaton costs milliseconds to build, so fuzziness goes to
   * the first few eligible words of the typed phrasing only, never to alias rewrites of it.
   */
  static final int MAX_FUZZY_WORDS = 3;

  private static final QueryBuilder BUILDER = new QueryBuilder(MusicAnalyzers.queryAnalyzer());

  private TrackQueries() {}

  /**
   * The query for {@code text} as typed so far. Blank text matches every track; text with nothing searchable in
   * it (only punctuation or emoji) matches none. Never throws on any input.
   */
  public static Query asYouType(String text) {
    return asYouType(text, true);
  }

  /**
   * As {@link #asYouType(String)}; without {@code typos} no word tolerates a typo, which leaves out the costliest
   * part of a query (building and running edit-distance automata).
   */
  public static Query asYouType(String text, boolean typos) {
    QueryText typed = QueryText.of(text);
    if (typed.blank()) {
      return new MatchAllDocsQuery();
    }
    if (typed.words().isEmpty()) {
      return new MatchNoDocsQuery("nothing searchable typed");
    }
    Query match = phrasings(typed, typos);
    if (leaves(match) > LEAF_BUDGET) {
      match = phrasing(typed.words(), typed.typing(), false, true);
    }
    return new BooleanQuery.Builder()
        .add(match, Occur.MUST)
        .add(new BoostQuery(FeatureField.newSaturationQuery(FEATURES, POPULARITY), POPULARITY_WEIGHT), Occur.SHOULD)
        .build();
  }

  /**
   * The top {@code n} for {@code text} as search-as-you-type ranks them: {@code search} runs a match query and
   * returns its top {@code n}. The words as typed come first; only when they match fewer than {@code n} tracks does
   * the query run again tolerating typos. A typo match ranks below a match as typed of the same words, so a page
   * filled as typed is what the listener meant (a mistyped word that is itself a real word, "form" for "from", is
   * then not corrected: the page shows what "form" finds); the costly edit-distance automata are built only for
   * text that finds little as typed, which is where typos are.
   */
  public static <T extends Exception> Found typedFirst(String text, int n, MatchSearch<T> search) throws T {
    TopDocs asTyped = search.top(asYouType(text, false));
    if (asTyped.scoreDocs.length >= n || !toleratesTypos(text)) {
      return new Found(asTyped, false);
    }
    return new Found(search.top(asYouType(text, true)), true);
  }

  /** What {@link #typedFirst} found, and whether typos were tolerated to find it. */
  public record Found(TopDocs top, boolean typos) {}

  /** A search over a match query: its top hits. */
  @FunctionalInterface
  public interface MatchSearch<T extends Exception> {
    TopDocs top(Query match) throws T;
  }

  /** Whether any word of {@code text} would tolerate a typo: else the query with typos is the query without. */
  static boolean toleratesTypos(String text) {
    QueryText typed = QueryText.of(text);
    List<List<String>> phrasings = typed.phrasings();
    return !phrasings.isEmpty() && phrasings.get(0).stream().anyMatch(WordMatch::isFuzzy);
  }

  /**
   * A filter of the tracks {@code viewer} may see: public ones and their own; admins see every track. Documents
   * without a visibility (the writer's tombstones of deleted tracks) never pass.
   */
  public static Query visibleTo(Viewer viewer) {
    if (viewer.admin()) {
      return new TermInSetQuery(VISIBILITY, List.of(new BytesRef(Visibility.PUBLIC.wireName()),
          new BytesRef(Visibility.PRIVATE.wireName())));
    }
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(VISIBILITY, Visibility.PUBLIC.wireName())), Occur.SHOULD)
        .add(new TermQuery(new Term(OWNER, viewer.userId())), Occur.SHOULD)
        .build();
  }

  /** The typed words and their alias rewrites; a track scores by the phrasing it matches best. */
  private static Query phrasings(QueryText typed, boolean typos) {
    List<Query> alternatives = new ArrayList<>();
    for (List<String> words : typed.phrasings()) {
      alternatives.add(phrasing(words, typed.typing(), typos && alternatives.isEmpty(), false));
    }
    return alternatives.size() == 1 ? alternatives.get(0) : new DisjunctionMaxQuery(alternatives, 0f);
  }

  private static Query phrasing(List<String> words, boolean typing, boolean fuzzy, boolean lean) {
    BooleanQuery.Builder either = new BooleanQuery.Builder();
    either.add(allWords(words, typing, fuzzy, lean), Occur.SHOULD);
    Query name = switch (stage(words, words.size() - 1, typing)) {
      // One or two plain letters being typed are a start, not a name: no whole-name bonus yet.
      case FIRST_LETTERS -> null;
      // "lady", "down" being typed: a title or artist of that name is only a little more likely than the
      // popular names the letters start.
      case STARTED -> name(String.join(" ", words), STARTED_NAME, STARTED_NAME / 2);
      case WHOLE, LAST -> name(String.join(" ", words), NAME, ALBUM_NAME);
    };
    if (name != null) {
      either.add(name, Occur.SHOULD);
    }
    return either.build();
  }

  private static WordMatch.Stage stage(List<String> words, int i, boolean typing) {
    return WordMatch.Stage.of(words.get(i), i == words.size() - 1, typing, words.size() == 1);
  }

  private static Query allWords(List<String> words, boolean typing, boolean fuzzy, boolean lean) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    int last = words.size() - 1;
    int fuzzyLeft = fuzzy ? MAX_FUZZY_WORDS : 0;
    for (int i = 0; i <= last; i++) {
      if (optionalArticle(words, i)) {
        // Half the catalog has "the" in it: the article only lifts names that have it, as written.
        Query article = WordMatch.asWritten(words.get(i));
        if (article != null) {
          all.add(article, Occur.SHOULD);
        }
        continue;
      }
      if (i == last && last == 0 && isArticle(words.get(0))) {
        // "the" alone is the start of a name ("The Beatles"), not a word worth matching everywhere it occurs.
        Query started = WordMatch.prefixOnly(words.get(0));
        if (started != null) {
          all.add(started, Occur.MUST);
        }
        continue;
      }
      WordMatch.Breadth breadth = lean ? WordMatch.Breadth.LEAN : WordMatch.Breadth.NO_FUZZY;
      if (!lean && fuzzyLeft > 0 && WordMatch.isFuzzy(words.get(i))) {
        breadth = WordMatch.Breadth.FULL;
        fuzzyLeft--;
      }
      List<Query> ways = new ArrayList<>();
      addIfPresent(ways, WordMatch.of(words.get(i), stage(words, i, typing), breadth));
      if (!lean && i > 0) {
        addIfPresent(ways, WordMatch.joined(words.get(i - 1), words.get(i), i == last));
      }
      if (!lean && i < last) {
        addIfPresent(ways, WordMatch.joined(words.get(i), words.get(i + 1), i + 1 == last));
      }
      if (!ways.isEmpty()) {
        Query word = ways.size() == 1 ? ways.get(0) : new DisjunctionMaxQuery(ways, 0f);
        all.add(word, Occur.MUST);
      }
    }
    return all.build();
  }

  /** "the beatles" finds "Beatles Tribute Band" too; "the" alone is still required. */
  private static boolean optionalArticle(List<String> words, int i) {
    return i == 0 && words.size() > 1 && isArticle(words.get(0));
  }

  private static boolean isArticle(String word) {
    return MusicAnalyzers.LEADING_ARTICLES.contains(word.toLowerCase(Locale.ROOT));
  }

  /** The whole text as a title, artist or album key: "the beatles", "beatles" and "Beatles!" all name The Beatles. */
  private static Query name(String text, float name, float album) {
    List<Query> names = new ArrayList<>();
    addIfPresent(names, key(TITLE_KEY, text, name));
    addIfPresent(names, key(ARTIST_KEY, text, name));
    addIfPresent(names, key(ALBUM_KEY, text, album));
    return names.isEmpty() ? null : new DisjunctionMaxQuery(names, 0f);
  }

  private static Query key(String field, String text, float boost) {
    Query query = BUILDER.createBooleanQuery(field, text);
    return query == null ? null : new BoostQuery(new ConstantScoreQuery(query), boost);
  }

  private static void addIfPresent(List<Query> queries, Query query) {
    if (query != null) {
      queries.add(query);
    }
  }

  /** Counts leaf queries as IndexSearcher's clause limit will after rewriting, fuzzy at its full expansion. */
  static int leaves(Query query) {
    int[] count = {0};
    query.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query q, Term... terms) {
        count[0] += terms.length;
      }

      @Override
      public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
        count[0] += WordMatch.MAX_EXPANSIONS;
      }

      @Override
      public void visitLeaf(Query q) {
        count[0]++;
      }
    });
    return count[0];
  }
}
