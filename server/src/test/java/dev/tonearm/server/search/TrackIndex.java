package dev.tonearm.server.search;

import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackStatus;
import dev.tonearm.catalog.Visibility;
import dev.tonearm.indexer.IndexLayout;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * A small catalog indexed in memory with the live index's layout, for the search services' tests: the documents
 * committed at once, then searched through a {@link SearcherManager}.
 */
final class TrackIndex implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private final ByteBuffersDirectory directory;
  private final SearcherManager searchers;

  private TrackIndex(ByteBuffersDirectory directory) throws IOException {
    this.directory = directory;
    this.searchers = new SearcherManager(directory, null);
  }

  static TrackIndex of(List<Document> documents) throws IOException {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, IndexLayout.writerConfig())) {
      for (Document document : documents) {
        writer.addDocument(document); // one by one: a block would have to stay together under the index sort
      }
    }
    return new TrackIndex(directory);
  }

  SearcherManager searchers() {
    return searchers;
  }

  /** The index, open and ready from the start. */
  SearchIndex index() {
    return SearchIndex.of(searchers, () -> true);
  }

  /** A track of 2000 with one artist and one genre, metadata only, created and updated at {@link #NOW}. */
  static Track track(String id, String title, String artist, String genre, String owner, Visibility visibility,
      Rating rating) {
    return new Track(id, title, List.of(artist), null, null, null, List.of(genre), 2000, null, null, null, null,
        owner, visibility, null, Map.of(), TrackStatus.METADATA_ONLY, NOW, NOW, 1, rating, null);
  }

  @Override
  public void close() throws IOException {
    searchers.close();
    directory.close();
  }
}
