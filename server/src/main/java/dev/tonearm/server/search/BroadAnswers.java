package dev.tonearm.server.search;

import dev.tonearm.catalog.Viewer;
import dev.tonearm.catalog.Visibility;
import dev.tonearm.indexer.MusicAnalyzers;
import dev.tonearm.indexer.PerReaderCache;
import dev.tonearm.indexer.SearchSchema;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.IOSupplier;

/**
 * Answers to broad queries over the public tracks, kept for as long as their reader is open. Broad queries (the
 * first keystrokes of a search, the discover page without text) match a large part of the catalog, so each costs
 * a pass over it, and they are also the most repeated: every listener starts a search with one of a few hundred
 * short prefixes, and the landing view of the discover page is the same for all. One cached answer over the
 * public tracks serves every listener; each listener's own private tracks, which are few, are searched apart and
 * merged into it ({@link #publicOnly()} and {@link #ownPrivate} split what a listener may see in two disjoint
 * parts).
 */
final class BroadAnswers {
  /** Answers kept per reader, least recently used dropped first. */
  static final int PER_READER = 2048;
  /** Typed text up to this many characters is {@linkplain #broad broad}. */
  static final int BROAD_CHARS = 4;

  private final PerReaderCache<String, Object> answers = new PerReaderCache<>(PER_READER);

  /**
   * The answer kept for {@code key} in {@code reader}, computed by {@code compute} (outside any lock) when
   * missing. Keys must name everything the answer depends on besides the reader.
   */
  @SuppressWarnings("unchecked")
  <T> T get(IndexReader reader, String key, IOSupplier<T> compute) throws IOException {
    return (T) answers.get(reader, key, compute::get);
  }

  /**
   * Whether typed text is broad: a few characters, or an article and a letter or two ("the m"). Such text
   * matches much of the catalog, and every search starts with it.
   */
  static boolean broad(String q) {
    String typed = q.strip();
    if (typed.length() <= BROAD_CHARS) {
      return true;
    }
    String[] words = typed.split("\\s+");
    return words.length <= 3 && Arrays.stream(words).skip(1).allMatch(w -> w.length() <= 2)
        && (words[0].length() <= 2 || MusicAnalyzers.LEADING_ARTICLES.contains(words[0].toLowerCase(Locale.ROOT)));
  }

  /** Whether {@code viewer}'s answers can be split into the shared public part and their own private part. */
  static boolean splits(Viewer viewer) {
    return !viewer.admin();
  }

  /** The public tracks: the part of every listener's answer that is the same for all. */
  static Query publicOnly() {
    return new TermQuery(new Term(SearchSchema.VISIBILITY, Visibility.PUBLIC.wireName()));
  }

  /** The viewer's own private tracks: together with {@link #publicOnly()}, exactly what they may see. */
  static Query ownPrivate(Viewer viewer) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(SearchSchema.OWNER, viewer.userId())), Occur.FILTER)
        .add(new TermQuery(new Term(SearchSchema.VISIBILITY, Visibility.PRIVATE.wireName())), Occur.FILTER)
        .build();
  }
}
