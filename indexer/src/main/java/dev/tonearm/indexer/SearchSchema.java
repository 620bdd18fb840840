package dev.tonearm.indexer;

/**
 * Every field name of the track index, in one place. A track is one document. Display fields are stored so a
 * hit renders without the catalog; matching happens on analyzed variants whose analyzers live side by side in
 * {@link MusicAnalyzers}; filtering, sorting and faceting use the untokenized fields and doc values written by
 * {@link TrackDocuments}.
 */
public final class SearchSchema {

  // --- identity and bookkeeping ---

  /** Track id: stored, and indexed as one term so {@code updateDocument(new Term(ID, id), doc)} replaces it. */
  public static final String ID = "id";
  /** Track id as sorted doc values: the last tie-breaker of every sort, so search-after paging is total. */
  public static final String ID_SORT = "id.sort";
  /** Catalog item version: stored and numeric doc values, so a change is applied only if newer. */
  public static final String VERSION = "version";
  /** {@code public} or {@code private} ({@code Visibility.wireName()}): stored, one term for filtering. */
  public static final String VISIBILITY = "visibility";
  /** Owner user id: stored, one term for filtering private tracks. */
  public static final String OWNER = "owner";
  /**
   * Owner user id of a private track, as sorted doc values; absent on public tracks. The first key of the index
   * order ({@code IndexLayout}): each owner's private tracks lie together.
   */
  public static final String PRIVATE_OWNER = "private.owner";
  /** Creation time in epoch millis: numeric doc values for {@code sort=added}. */
  public static final String CREATED_AT = "createdAt";

  // --- display (stored), also facet dimensions where noted ---

  /** Title as written: stored. */
  public static final String TITLE = "title";
  /** The credit as displayed ("Daft Punk feat. Pharrell Williams"): stored. Facet dimension: each credited artist. */
  public static final String ARTIST = "artist";
  /** Album: stored; facet dimension. */
  public static final String ALBUM = "album";
  /** Genres, one stored value each; multi-valued facet dimension. */
  public static final String GENRE = "genre";
  /** Release year: stored, {@code IntPoint} for ranges, numeric doc values for sorting. */
  public static final String YEAR = "year";
  /** Decade such as {@code 1990s}: one term for filtering; facet dimension. */
  public static final String DECADE = "decade";
  /** Duration in milliseconds: stored. */
  public static final String DURATION_MS = "durationMs";
  /**
   * Popularity, a float ≥ 0: from listener ratings (average × ln(1 + count), see {@code TrackDocuments.popularity})
   * for catalog tracks, caller-supplied in benchmarks and the relevance suite. Stored and float doc values (for
   * sorting). Ranking reads the same
   * value from the {@link #FEATURES} field.
   */
  public static final String POPULARITY = "popularity";
  /**
   * Facet dimension of listener ratings, cumulative: a track whose average is at least N stars carries the value
   * {@code "N"} for every N from 1 up to its average (4.3 carries "1" to "4"), so the count of "N" is the number of
   * tracks rated N stars or more, exactly what {@code minRating=N} keeps. Unrated tracks carry none. Compared in
   * integers ({@code sum ≥ N × count}), so an average of exactly 4.0 counts as 4.
   */
  public static final String RATING = "rating";
  /** Average stars (1–5, sum / count): stored, and a {@code DoubleField} (points and doc values) for ranges. */
  public static final String RATING_AVERAGE = "rating.average";
  /** How many listeners rated: stored and numeric doc values. */
  public static final String RATING_COUNT = "rating.count";
  /**
   * How the track sounds: its audio features as a vector on comparable 0..1 scales ({@code AudioVectors}), HNSW
   * graph, Euclidean similarity. Only on tracks whose features are known.
   */
  public static final String AUDIO = "audio";
  /** Feature field holding {@link #POPULARITY} as feature {@code popularity}; the mild ranking tie-breaker. */
  public static final String FEATURES = "features";

  // --- sorting ---

  /** Title folded to lowercase without accents: sorted doc values for {@code sort=title}. */
  public static final String TITLE_SORT = "title.sort";

  // --- matching: title, every artist credit and album, each analyzed five ways ---

  /** Words as written, lowercased (NFKC case fold), punctuation split and catenated; accents kept. */
  public static final String MATCH_EXACT = "match.exact";
  /** {@link #MATCH_EXACT} with accents and special letters folded (é→e, ø→o, ß→ss, œ→oe). */
  public static final String MATCH_FOLDED = "match.folded";
  /** Scripts other than Han transliterated to ASCII Latin (Кино→kino, Μίκης→mikis, アイドル→aidoru), then folded. */
  public static final String MATCH_TRANSLIT = "match.translit";
  /** Edge n-grams of {@link #MATCH_TRANSLIT} words: the prefix being typed, as one term lookup. */
  public static final String MATCH_PREFIX = "match.prefix";
  /** CJK unigrams and bigrams (other scripts as words): a character or two inside a CJK title finds it. */
  public static final String MATCH_INFIX = "match.infix";

  // --- matching: whole names ---

  /** Whole title as one key: transliterated, folded, leading article and all non-alphanumerics removed. */
  public static final String TITLE_KEY = "title.key";
  /** Each artist credit as one key, like {@link #TITLE_KEY}: "the beatles" and "beatles" both give "beatles". */
  public static final String ARTIST_KEY = "artist.key";
  /** Album as one key, like {@link #TITLE_KEY}. */
  public static final String ALBUM_KEY = "album.key";

  private SearchSchema() {}
}
