package dev.tonearm.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.Viewer;
import dev.tonearm.catalog.Visibility;
import dev.tonearm.indexer.TrackDocuments;
import dev.tonearm.server.tracks.Cursors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The discover page tolerates typos only when the words as typed find too few public tracks: then a misspelt word
 * still finds what was meant, and otherwise the total and the facets count what was typed, not its neighbours.
 */
class DiscoverTyposTest {

  @Test
  void typos_count_only_when_the_text_as_typed_finds_too_few_tracks() throws Exception {
    List<Track> tracks = new ArrayList<>();
    for (int i = 0; i < DiscoverService.TYPED_ENOUGH + 5; i++) {
      tracks.add(track(tracks.size(), "Song " + i, "Pop"));
    }
    for (int i = 0; i < 5; i++) { // "sing" is one edit from "song"; "roam" one from "road"
      tracks.add(track(tracks.size(), "Sing Road " + i, "Rock"));
    }
    for (int i = 0; i < 2; i++) {
      tracks.add(track(tracks.size(), "Roam Hall " + i, "Folk"));
    }
    try (TrackIndex catalog = TrackIndex.of(tracks.stream().map(TrackDocuments::toDocument).toList())) {
      DiscoverService discover = new DiscoverService(catalog.index(), new FacetStates(), new Cursors(new byte[32]));
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

  @SuppressWarnings("unchecked")
  private static List<String> titles(Map<String, Object> body) {
    return ((List<Map<String, Object>>) body.get("hits")).stream().map(h -> (String) h.get("title")).toList();
  }

  private static DiscoverRequest request(String q) {
    return new DiscoverRequest(q, List.of(), List.of(), List.of(), List.of(), null, null, null,
        DiscoverRequest.Sort.RELEVANCE, 20, null);
  }

  private static Track track(int n, String title, String genre) {
    return TrackIndex.track("t" + n, title, "Band " + n, genre, "lisa", Visibility.PUBLIC, Rating.NONE);
  }
}
