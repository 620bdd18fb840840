package dev.tonearm.server.search;

import static dev.tonearm.server.search.TrackIndex.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.Visibility;
import dev.tonearm.indexer.IndexLayout;
import dev.tonearm.indexer.SearchSchema;
import dev.tonearm.indexer.TrackDocuments;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The names shown for a hit are the names its document stores, whether read or kept, in every segment and after
 * a track is edited; a segment keeps at most as many as it may.
 */
class ShownNamesTest {
  private static final int KEPT = 4;

  @Test
  void shown_names_are_the_stored_ones_in_every_segment_and_after_an_edit() throws IOException {
    Map<String, String> titles = new HashMap<>();
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(directory, IndexLayout.writerConfig())) {
      // Three segments of ten tracks: the same document numbers within each segment name different tracks.
      for (int segment = 0; segment < 3; segment++) {
        for (int i = 0; i < 10; i++) {
          String id = "t" + segment + "-" + i;
          add(writer, titles, id, "Title " + segment + "/" + i);
        }
        writer.commit();
      }
      ShownNames shown = new ShownNames(KEPT);
      try (SearcherManager searchers = new SearcherManager(writer, null)) {
        assertShown(searchers, shown, titles);
        assertShown(searchers, shown, titles); // the second time mostly from what was kept

        add(writer, titles, "t1-3", "Edited Title"); // replaces its document: the new one lands in a new segment
        searchers.maybeRefreshBlocking();
        assertShown(searchers, shown, titles);
        assertShown(searchers, shown, titles);
      }
    }
  }

  private static void add(IndexWriter writer, Map<String, String> titles, String id, String title)
      throws IOException {
    Track track = track(id, title, "Artist of " + id, "Rock", "owner", Visibility.PUBLIC, Rating.NONE);
    writer.updateDocument(new Term(SearchSchema.ID, id), TrackDocuments.toDocument(track));
    titles.put(id, title);
  }

  private static void assertShown(SearcherManager searchers, ShownNames shown, Map<String, String> titles)
      throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      ScoreDoc[] hits = searcher.search(new MatchAllDocsQuery(), 100).scoreDocs;
      assertEquals(titles.size(), hits.length);
      List<ShownNames.Names> names = shown.of(searcher, hits);
      for (ShownNames.Names n : names) {
        assertEquals(titles.get(n.id()), n.title(), n.id());
        assertEquals("Artist of " + n.id(), n.artist(), n.id());
      }
      assertEquals(titles.keySet(), names.stream().map(ShownNames.Names::id).collect(Collectors.toSet()));
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        int kept = shown.keptCount(leaf);
        assertTrue(kept <= KEPT, kept + " kept in a segment");
        assertEquals(Math.min(KEPT, leaf.reader().maxDoc()), kept, "a segment keeps what it may");
      }
    } finally {
      searchers.release(searcher);
    }
  }
}
