package dev.tonearm.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackStatus;
import dev.tonearm.catalog.Visibility;
import dev.tonearm.indexer.IndexLayout;
import dev.tonearm.indexer.TrackDocuments;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** A server is warm, and so ready for keystrokes, once its reader's facet state and artist directory exist. */
class FacetStatesTest {

  @Test
  void warm_only_once_the_index_is_open_and_an_artist_directory_is_built() throws Exception {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(directory, IndexLayout.writerConfig())) {
        writer.addDocument(TrackDocuments.toDocument(new Track("t1", "Halo", List.of("Beyoncé"), null, null, null,
            List.of("Pop"), 2008, null, null, null, null, "lisa", Visibility.PUBLIC, null, Map.of(),
            TrackStatus.METADATA_ONLY, now, now, 1, Rating.NONE, null)));
      }
      AtomicBoolean open = new AtomicBoolean(false);
      try (SearcherManager searchers = new SearcherManager(directory, null)) {
        SearchIndex index = SearchIndex.of(searchers, open::get);
        FacetStates states = new FacetStates();
        assertThat(states.warmed(index)).isFalse();
        open.set(true);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!states.warmed(index) && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        assertThat(states.warmed(index)).isTrue();
      }
    }
  }
}
