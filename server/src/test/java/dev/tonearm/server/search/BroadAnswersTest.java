package dev.tonearm.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.Viewer;
import dev.tonearm.catalog.Visibility;
import dev.tonearm.indexer.TrackDocuments;
import dev.tonearm.server.tracks.Cursors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Broad queries and browsing answer from a public part shared by every listener merged with the caller's own
 * private tracks. With more artists than the public part keeps, the merged counts, totals, pages and artist
 * suggestions must still equal a brute-force count over exactly what each caller may see.
 */
class BroadAnswersTest {
  /** More artists than {@link DiscoverService#KEPT_VALUES}, so an owner's artists fall outside the kept part. */
  static final int ARTISTS = DiscoverService.KEPT_VALUES + 60;
  /** An artist with a single public track, far below the kept part, of whom bob keeps 15 private tracks. */
  static final String LIFTED = "Band " + (ARTISTS - 1) / 9 * 9;

  private static final List<Track> TRACKS = new ArrayList<>();
  private static TrackIndex catalog;
  private static DiscoverService discover;
  private static SuggestService suggest;

  @BeforeAll
  static void index() throws IOException {
    int n = 0;
    for (int a = 0; a < ARTISTS; a++) {
      // Artist a has 1..9 public tracks by "lisa"; every tenth artist's tracks are Rock, the others Pop.
      for (int t = 0; t <= a % 9; t++) {
        TRACKS.add(track(n++, "Song " + a + "-" + t, "Band " + a, a % 10 == 0 ? "Rock" : "Pop", "lisa",
            Visibility.PUBLIC));
      }
    }
    // Bob's private tracks: many of one artist far below the kept part (enough to lift it into the top twenty,
    // which takes an exact count of its public tracks), one each of artists beyond the kept part, and some by
    // an artist only he has.
    for (int t = 0; t < 15; t++) {
      TRACKS.add(track(n++, "Demo " + t, LIFTED, "Pop", "bob", Visibility.PRIVATE));
    }
    for (int a = DiscoverService.KEPT_VALUES; a < ARTISTS; a += 7) {
      TRACKS.add(track(n++, "Sketch " + a, "Band " + a, "Rock", "bob", Visibility.PRIVATE));
    }
    for (int t = 0; t < 3; t++) {
      TRACKS.add(track(n++, "Bedroom " + t, "Bob Himself", "Rock", "bob", Visibility.PRIVATE));
    }
    // Someone else's private tracks: never counted for bob or lisa.
    for (int t = 0; t < 40; t++) {
      TRACKS.add(track(n++, "Secret " + t, "Band 1", "Pop", "carol", Visibility.PRIVATE));
    }
    catalog = TrackIndex.of(TRACKS.stream().map(track -> TrackDocuments.toDocument(track, 0f)).toList());
    SearchIndex index = catalog.index();
    FacetStates facetStates = new FacetStates();
    discover = new DiscoverService(index, facetStates, new Cursors(new byte[32]));
    suggest = new SuggestService(index, facetStates);
  }

  @AfterAll
  static void close() throws IOException {
    catalog.close();
  }

  @Test
  void browse_counts_of_an_owner_equal_a_brute_force_count_beyond_the_kept_values() throws IOException {
    for (String user : List.of("bob", "lisa", "carol")) {
      Viewer viewer = new Viewer(user, false);
      Map<String, Object> all = discover.search(viewer, request(null, List.of()));
      assertThat(all.get("total")).as(user).isEqualTo((long) visibleTo(user, null).size());
      assertThat(facet(all, "artist")).as(user).isEqualTo(topArtists(visibleTo(user, null)));
      Map<String, Object> rock = discover.search(viewer, request(null, List.of("Rock")));
      assertThat(rock.get("total")).as(user).isEqualTo((long) visibleTo(user, "Rock").size());
      assertThat(facet(rock, "artist")).as(user).isEqualTo(topArtists(visibleTo(user, "Rock")));
    }
  }

  @Test
  void min_rating_and_the_rating_facet_equal_a_brute_force_count_on_every_path() throws IOException {
    List<Viewer> viewers = List.of(new Viewer("bob", false), new Viewer("lisa", false), new Viewer("carol", false),
        new Viewer("root", true)); // the admin is answered without the shared public part
    List<Double> minRatings = java.util.Arrays.asList(null, 1.0, 2.5, 3.0, 4.0, 5.0);
    for (Viewer viewer : viewers) {
      for (String q : java.util.Arrays.asList(null, "b")) { // "b" matches every track, as broad text
        for (String genre : java.util.Arrays.asList(null, "Rock")) {
          for (Double minRating : minRatings) {
            String as = viewer.userId() + " q=" + q + " genre=" + genre + " minRating=" + minRating;
            Map<String, Object> body = discover.search(viewer,
                request(q, genre == null ? List.of() : List.of(genre), minRating));
            List<Track> expected = visibleTo(viewer, genre, minRating);
            assertThat(body.get("total")).as(as).isEqualTo((long) expected.size());
            assertThat(facet(body, "artist")).as(as).isEqualTo(topArtists(expected));
            // drill-sideways: the rating facet counts as if minRating were not applied, the genre one as if the
            // genre were not selected, but each with the other's selection
            assertThat(facet(body, "rating").toString()).as(as)
                .isEqualTo(ratingBuckets(visibleTo(viewer, genre, null)).toString());
            assertThat(facet(body, "genre").get("Rock")).as(as)
                .isEqualTo(nullIfZero(visibleTo(viewer, "Rock", minRating).size()));
          }
        }
      }
    }
  }

  @Test
  void min_rating_filters_a_narrow_search_of_the_owners_tracks() throws IOException {
    Viewer bob = new Viewer("bob", false);
    Map<String, Object> body = discover.search(bob, request("sketch", List.of(), 3.0)); // not broad: one search
    List<Track> sketches = visibleTo(bob, null, null).stream().filter(t -> t.title().startsWith("Sketch")).toList();
    assertThat(body.get("total")).isEqualTo(sketches.stream().filter(t -> t.rating().atLeast(3)).count());
    assertThat(facet(body, "rating").toString()).isEqualTo(ratingBuckets(sketches).toString());
    assertThat(discover.search(new Viewer("lisa", false), request("sketch", List.of(), 3.0)).get("total"))
        .isEqualTo(0L);
  }

  @Test
  void an_owners_busy_private_artist_is_lifted_into_the_top_values() throws IOException {
    Map<String, Object> bob = discover.search(new Viewer("bob", false), request(null, List.of()));
    Map<String, Object> lisa = discover.search(new Viewer("lisa", false), request(null, List.of()));
    assertThat(facet(bob, "artist")).containsEntry(LIFTED, 1 + 15);
    assertThat(facet(lisa, "artist")).doesNotContainKey(LIFTED);
  }

  @Test
  void broad_text_pages_merge_the_owners_tracks_in_sort_order() throws IOException {
    List<String> titles = new ArrayList<>();
    String cursor = null;
    do {
      Map<String, Object> page = discover.search(new Viewer("bob", false),
          new DiscoverRequest("b", List.of("Rock"), List.of(), List.of(), List.of(), null, null, null,
              DiscoverRequest.Sort.TITLE, 7, cursor));
      ((List<?>) page.get("hits")).forEach(h -> titles.add((String) ((Map<?, ?>) h).get("title")));
      cursor = (String) page.get("nextCursor");
    } while (cursor != null);
    List<String> expected = visibleTo("bob", "Rock").stream().map(Track::title).sorted().toList();
    assertThat(titles).isEqualTo(expected);
  }

  @Test
  void a_short_prefix_suggests_the_owners_private_tracks_only_to_the_owner() throws IOException {
    assertThat(trackTitles(suggest.suggest(new Viewer("bob", false), "bed", 10)))
        .containsExactlyInAnyOrder("Bedroom 0", "Bedroom 1", "Bedroom 2");
    assertThat(trackTitles(suggest.suggest(new Viewer("lisa", false), "bed", 10))).isEmpty();
    assertThat(artistCounts(suggest.suggest(new Viewer("bob", false), "bob", 10)))
        .containsEntry("Bob Himself", 3);
    assertThat(artistCounts(suggest.suggest(new Viewer("lisa", false), "bob", 10))).isEmpty();
    assertThat(artistCounts(suggest.suggest(new Viewer("carol", false), "band 1", 10)))
        .containsEntry("Band 1", 2 + 40);
    assertThat(artistCounts(suggest.suggest(new Viewer("bob", false), "band 1", 10))).containsEntry("Band 1", 2);
  }

  @Test
  void suggested_artists_are_the_brute_force_best_for_every_viewer() throws IOException {
    List<Viewer> viewers = List.of(new Viewer("bob", false), new Viewer("lisa", false), new Viewer("carol", false),
        new Viewer("root", true));
    for (Viewer viewer : viewers) {
      for (String q : List.of("b", "ba", "band", "band 1", "band 10", "bo", "bob h")) {
        Map<String, Integer> suggested = artistCounts(suggest.suggest(viewer, q, 10));
        Map<String, Integer> all = artistsStartedBy(viewer, q);
        suggested.forEach((name, count) -> assertThat(all).as(viewer + " " + q).containsEntry(name, count));
        NameMatch typed = new NameMatch(q);
        List<Integer> best = all.entrySet().stream()
            .sorted(Comparator.comparing((Map.Entry<String, Integer> e) -> !typed.isWhole(e.getKey()))
                .thenComparing(e -> -e.getValue()))
            .limit(SuggestService.NAME_LIMIT).map(Map.Entry::getValue).toList();
        assertThat(List.copyOf(suggested.values())).as(viewer + " typing " + q).isEqualTo(best);
      }
    }
    assertThat(artistCounts(suggest.suggest(new Viewer("bob", false), "band", 10))).containsEntry(LIFTED, 16);
  }

  /** Every credited artist whose name each typed word starts a word of, with the tracks the viewer may see. */
  private static Map<String, Integer> artistsStartedBy(Viewer viewer, String q) {
    List<String> typed = NameMatch.words(q);
    Map<String, Integer> counts = new HashMap<>();
    for (Track t : visibleTo(viewer, null, null)) {
      for (String artist : t.artists()) {
        List<String> words = new ArrayList<>(NameMatch.words(artist));
        words.add(String.join("", words));
        if (typed.stream().allMatch(w -> words.stream().anyMatch(n -> n.startsWith(w)))) {
          counts.merge(artist, 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  private static Track track(int n, String title, String artist, String genre, String owner, Visibility visibility) {
    return TrackIndex.track("t" + n, title, artist, genre, owner, visibility, ratingOf(n));
  }

  /** Every sixth track unrated; the others by 1–4 listeners, averages spread over 1..5 with exact whole ones. */
  private static Rating ratingOf(int n) {
    if (n % 6 == 0) {
      return Rating.NONE;
    }
    int count = 1 + n % 4;
    return new Rating(count + (n * 7L) % (4L * count + 1), count);
  }

  private static DiscoverRequest request(String q, List<String> genres) {
    return request(q, genres, null);
  }

  private static DiscoverRequest request(String q, List<String> genres, Double minRating) {
    return new DiscoverRequest(q, genres, List.of(), List.of(), List.of(), null, null, minRating,
        DiscoverRequest.Sort.RELEVANCE, 20, null);
  }

  private static List<Track> visibleTo(String user, String genre) {
    return visibleTo(new Viewer(user, false), genre, null);
  }

  private static List<Track> visibleTo(Viewer viewer, String genre, Double minRating) {
    return TRACKS.stream()
        .filter(t -> t.isVisibleTo(viewer))
        .filter(t -> genre == null || t.genres().contains(genre))
        .filter(t -> minRating == null || t.rating().count() > 0 && t.rating().average() >= minRating)
        .toList();
  }

  /** The rating facet by brute force: tracks averaging N stars or more, for each N that has any, 5 down to 1. */
  private static Map<String, Integer> ratingBuckets(List<Track> tracks) {
    Map<String, Integer> buckets = new LinkedHashMap<>();
    for (int stars = 5; stars >= 1; stars--) {
      int atLeast = stars;
      int count = (int) tracks.stream().filter(t -> t.rating().atLeast(atLeast)).count();
      if (count > 0) {
        buckets.put(Integer.toString(stars), count);
      }
    }
    return buckets;
  }

  /** The top twenty artists by count, ties by name, as the discover page lists them. */
  private static Map<String, Integer> topArtists(List<Track> tracks) {
    Map<String, Integer> counts = new HashMap<>();
    tracks.forEach(t -> counts.merge(t.artists().getFirst(), 1, Integer::sum));
    Map<String, Integer> top = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
        .limit(DiscoverService.FACET_VALUES)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    return top;
  }

  private static Integer nullIfZero(int count) {
    return count == 0 ? null : count;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Integer> facet(Map<String, Object> body, String dim) {
    Map<String, Integer> values = new LinkedHashMap<>();
    for (Map<String, Object> v : (List<Map<String, Object>>) ((Map<String, Object>) body.get("facets")).get(dim)) {
      values.put((String) v.get("value"), (Integer) v.get("count"));
    }
    return values;
  }

  @SuppressWarnings("unchecked")
  private static List<String> trackTitles(Map<String, Object> body) {
    return ((List<Map<String, Object>>) body.get("tracks")).stream().map(t -> (String) t.get("title")).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Integer> artistCounts(Map<String, Object> body) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    ((List<Map<String, Object>>) body.get("artists"))
        .forEach(a -> counts.put((String) a.get("name"), (Integer) a.get("trackCount")));
    return counts;
  }
}
