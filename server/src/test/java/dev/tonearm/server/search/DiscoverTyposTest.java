package dev.tonearm.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackStatus;
import dev.tonearm.catalog.Viewer;
import dev.tonearm.catalog.Visibility;
import dev.tonearm.indexer.IndexLayout;
import dev.tonearm.indexer.TrackDocuments;
import dev.tonearm.server.tracks.Cursors;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The discover page tolerates typos only when the words as typed find too few public tracks: then a misspelt word
 * still finds what was meant, and otherwise the total and the facets count what was typed, not its neighbours.
 */
class DiscoverTyposTest {

  @Test
  void typos_count_only_when_the_text_as_typed_finds_too_few_tracks() throws Exception {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(directory, IndexLayout.writerConfig())) {
        int n = 0;
        for (int i = 0; i < DiscoverService.TYPED_ENOUGH + 5; i++) {
          writer.addDocument(TrackDocuments.toDocument(track(n++, "Song " + i, "Pop", now), 0f));
        }
        for (int i = 0; i < 5; i++) { // "sing" is one edit from "song"; "roam" one from "road"
          writer.addDocument(TrackDocuments.toDocument(track(n++, "Sing Road " + i, "Rock", now), 0f));
        }
        for (int i = 0; i < 2; i++) {
          writer.addDocument(TrackDocuments.toDocument(track(n++, "Roam Hall " + i, "Folk", now), 0f));
        }
      }
      try (SearcherManager searchers = new SearcherManager(directory, null)) {
        DiscoverService discover = new DiscoverService(SearchIndex.of(searchers, () -> true), new FacetStates(),
            new Cursors(new byte[32]));
        Viewer viewer = new Viewer("lisa", false);

        // 25 tracks as typed: the five "Sing Road" ones are not counted, nor is their genre.
        Map<String, Object> song = discover.search(viewer, request("song"));
        assertThat(song.get("total")).isEqualTo((long) DiscoverService.TYPED_ENOUGH + 5);
        assertThat(song.get("facets").toString()).doesNotContain("Rock");

        // 5 tracks as typed: too few, so "roam" (one edit) counts too, ranked below them.
        Map<String, Object> road = discover.search(viewer, request("road"));
        assertThat(road.get("total")).isEqualTo(7L);
        assertThat(titles(road)).startsWith("Sing Road 0").last().asString().startsWith("Roam Hall");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> titles(Map<String, Object> body) {
    return ((List<Map<String, Object>>) body.get("hits")).stream().map(h -> (String) h.get("title")).toList();
  }

  private static DiscoverRequest request(String q) {
    return new DiscoverRequest(q, List.of(), List.of(), List.of(), List.of(), null, null, null,
        DiscoverRequest.Sort.RELEVANCE, 20, null);
  }

  private static Track track(int n, String title, String genre, Instant now) {
    return new Track("t" + n, title, List.of("Band " + n), null, null, null, List.of(genre), 2000, null, null, null,
        null, "lisa", Visibility.PUBLIC, null, Map.of(), TrackStatus.METADATA_ONLY, now, now, 1, Rating.NONE, null);
  }
}
