package dev.tonearm.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Visibility;
import dev.tonearm.indexer.TrackDocuments;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A server is warm, and so ready for keystrokes, once its reader's facet state and artist directory exist. */
class FacetStatesTest {

  @Test
  void warm_only_once_the_index_is_open_and_an_artist_directory_is_built() throws Exception {
    try (TrackIndex catalog = TrackIndex.of(List.of(TrackDocuments.toDocument(
        TrackIndex.track("t1", "Halo", "Beyoncé", "Pop", "lisa", Visibility.PUBLIC, Rating.NONE))))) {
      AtomicBoolean open = new AtomicBoolean(false);
      SearchIndex index = SearchIndex.of(catalog.searchers(), open::get);
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
