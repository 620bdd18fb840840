package dev.tonearm.server.relevance;

import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.Viewer;
import dev.tonearm.indexer.IndexLayout;
import dev.tonearm.indexer.SearchSchema;
import dev.tonearm.indexer.TrackDocuments;
import dev.tonearm.indexer.TrackQueries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * Runs judged queries over a corpus indexed in memory, the way {@code /v1/suggest} runs them: {@link
 * TrackQueries#asYouType} filtered by {@link TrackQueries#visibleTo} for a listener who owns nothing. The corpus
 * is indexed on every core, so document order varies between runs; equal scores break by track id instead, the
 * same way on every run.
 */
final class RelevanceSuite {

  /** How deep a query is read: MRR@10 gives nothing for a hit below it. */
  static final int DEPTH = 10;
  static final Viewer LISTENER = new Viewer("relevance-listener", false);
  private static final Sort BY_SCORE_THEN_ID =
      new Sort(SortField.FIELD_SCORE, new SortField(SearchSchema.ID_SORT, SortField.Type.STRING));

  /**
   * What one query found.
   *
   * @param rank the 1-based rank of the first answering track in the top {@value #DEPTH}, or 0 if none
   * @param top the top hits as {@code "Title · Artist"}
   */
  record Outcome(Judgment judgment, int rank, List<String> top) {}

  /**
   * All outcomes, and the judgments no track of the corpus answers (a renamed or dropped data set would
   * otherwise pass or fail them silently).
   */
  record Results(List<Outcome> outcomes, List<Judgment> unanswerable) {}

  private RelevanceSuite() {}

  static Results run(List<RelevanceCorpus.Entry> corpus, List<Judgment> judgments) throws IOException {
    Map<String, Track> byId = new HashMap<>();
    Map<String, Judgment.Names> names = new HashMap<>();
    corpus.forEach(e -> byId.put(e.track().id(), e.track()));
    corpus.forEach(e -> names.put(e.track().id(), Judgment.Names.of(e.track())));
    List<Judgment> unanswerable = judgments.stream()
        .filter(j -> names.values().stream().noneMatch(j::answeredBy))
        .toList();
    try (Directory directory = index(corpus); DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      List<Outcome> outcomes = new ArrayList<>();
      for (Judgment judgment : judgments) {
        outcomes.add(outcome(searcher, byId, names, judgment));
      }
      return new Results(outcomes, unanswerable);
    }
  }

  private static Outcome outcome(IndexSearcher searcher, Map<String, Track> byId, Map<String, Judgment.Names> names,
      Judgment judgment) throws IOException {
    int rank = 0;
    List<String> top = new ArrayList<>();
    // As suggest searches: the words as typed first, typos only when those find fewer than a page.
    ScoreDoc[] hits = TrackQueries.typedFirst(judgment.query(), DEPTH, match -> searcher.search(
        new BooleanQuery.Builder().add(match, Occur.MUST).add(TrackQueries.visibleTo(LISTENER), Occur.FILTER).build(),
        DEPTH, BY_SCORE_THEN_ID)).top().scoreDocs;
    for (int i = 0; i < hits.length; i++) {
      String id = searcher.storedFields().document(hits[i].doc).get(SearchSchema.ID);
      Track track = byId.get(id);
      top.add(track.title() + " · " + track.artist());
      if (rank == 0 && judgment.answeredBy(names.get(id))) {
        rank = i + 1;
      }
    }
    return new Outcome(judgment, rank, top);
  }

  private static void add(IndexWriter writer, RelevanceCorpus.Entry entry) {
    try {
      writer.addDocument(TrackDocuments.toDocument(entry.track(), entry.popularity()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Directory index(List<RelevanceCorpus.Entry> corpus) throws IOException {
    Directory directory = new ByteBuffersDirectory();
    IndexWriterConfig config = IndexLayout.writerConfig().setRAMBufferSizeMB(256);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      corpus.parallelStream().forEach(entry -> add(writer, entry));
    }
    return directory;
  }
}
