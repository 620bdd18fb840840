package dev.tonearm.indexer;

import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.Viewer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/** An in-memory index of tracks, searched the way the server will: {@link TrackQueries}, top hits as labels. */
final class FixtureIndex {

  static final int TOP = 10;

  /** The index of every {@link MusicFixtures} track, built once per test JVM and never changed. */
  static final FixtureIndex MUSIC = of(MusicFixtures.all());

  private final IndexSearcher searcher;

  private FixtureIndex(IndexSearcher searcher) {
    this.searcher = searcher;
  }

  static FixtureIndex of(List<Track> tracks) {
    try {
      Directory directory = new ByteBuffersDirectory();
      try (IndexWriter writer = new IndexWriter(directory, IndexLayout.writerConfig())) {
        for (Track track : tracks) {
          Document doc = TrackDocuments.toDocument(track, MusicFixtures.popularity(track));
          writer.updateDocument(new Term(SearchSchema.ID, track.id()), doc);
        }
      }
      return new FixtureIndex(new IndexSearcher(DirectoryReader.open(directory)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  IndexSearcher searcher() {
    return searcher;
  }

  /** The top {@value #TOP} hits for what was typed, as {@code "Title · Artist"}, searched as suggest does. */
  List<String> search(String typed) {
    try {
      return labels(TrackQueries.typedFirst(typed, TOP, match -> searcher.search(match, TOP)).top());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Like {@link #search(String)}, filtered to what {@code viewer} may see. */
  List<String> search(String typed, Viewer viewer) {
    try {
      return labels(TrackQueries.typedFirst(typed, TOP, match -> searcher.search(new BooleanQuery.Builder()
          .add(match, Occur.MUST)
          .add(TrackQueries.visibleTo(viewer), Occur.FILTER)
          .build(), TOP)).top());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first hit's label, or null when nothing matched. */
  String top(String typed) {
    List<String> hits = search(typed);
    return hits.isEmpty() ? null : hits.get(0);
  }

  List<String> hits(Query query) {
    try {
      return labels(searcher.search(query, TOP));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> labels(TopDocs top) {
    try {
      List<String> labels = new ArrayList<>();
      for (ScoreDoc hit : top.scoreDocs) {
        Document doc = searcher.storedFields().document(hit.doc);
        labels.add(doc.get(SearchSchema.TITLE) + " · " + doc.get(SearchSchema.ARTIST));
      }
      return labels;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
