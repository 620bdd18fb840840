package dev.tonearm.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tonearm.server.Http;
import dev.tonearm.server.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Suggest and discover over the live index, fed by the table's stream, through real HTTP. */
class SearchApiTest {
  /** A write must be searchable within this (the product promise is 1 s). */
  static final Duration FRESHNESS = Duration.ofSeconds(1);

  private static TestServer server;
  private static Http http;
  private static String alice;
  private static String bob;
  private static String aliceDemoId;

  @BeforeAll
  static void start() {
    server = new TestServer();
    http = server.http;
    alice = server.token("alice");
    bob = server.token("bob");
    String[][] tracks = {
        {"Halo", "Beyoncé", "I Am... Sasha Fierce", "Pop", "2008"},
        {"Crazy in Love", "Beyoncé", "Dangerously in Love", "Pop", "2003"},
        {"Ace of Spades", "Motörhead", "Ace of Spades", "Metal", "1980"},
        {"Thunderstruck", "AC/DC", "The Razors Edge", "Rock", "1990"},
        {"Back in Black", "AC/DC", "Back in Black", "Rock", "1980"},
        {"Hey Jude", "The Beatles", "Hey Jude", "Rock", "1968"},
        {"Hoppípolla", "Sigur Rós", "Takk...", "Post-Rock", "2005"},
        {"群青日和", "東京事変", "教育", "J-Rock", "2004"},
    };
    for (String[] t : tracks) {
      server.createTrack(alice, String.format("{\"title\":\"%s\",\"artists\":[\"%s\"],\"album\":\"%s\","
          + "\"genres\":[\"%s\"],\"year\":%s}", t[0], t[1], t[2], t[3], t[4]));
    }
    aliceDemoId = server.createTrack(alice, """
        {"title":"Halo Demo","artists":["Alice"],"genres":["Rock"],"year":2020,"visibility":"private"}""")
        .get("id").asText();
    awaitSearch(server.adminToken("root"), "/v1/search?q=&limit=100", body -> body.get("total").asInt() == 9,
        Duration.ofSeconds(10)); // every track indexed, the private one included
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void suggest_finds_a_track_from_a_folded_prefix_with_highlights() {
    JsonNode body = suggest(bob, "beyo");
    assertThat(titles(body.get("tracks"))).containsExactlyInAnyOrder("Halo", "Crazy in Love");
    JsonNode artist = body.get("artists").get(0);
    assertThat(artist.get("name").asText()).isEqualTo("Beyoncé");
    assertThat(artist.get("trackCount").asInt()).isEqualTo(2);
    assertThat(artist.get("highlight").toString()).isEqualTo("[[0,4]]");
    assertThat(body.get("completions").toString()).contains("Beyoncé");
  }

  @Test
  void suggest_matches_punctuated_names_and_cjk_inside_a_title() {
    assertThat(titles(suggest(bob, "acdc").get("tracks"))).containsExactlyInAnyOrder("Thunderstruck", "Back in Black");
    assertThat(titles(suggest(bob, "青").get("tracks"))).containsExactly("群青日和");
    assertThat(titles(suggest(bob, "beatles").get("tracks"))).first().isEqualTo("Hey Jude");
  }

  @Test
  void another_users_private_track_never_shows_in_suggestions_hits_or_counts() {
    assertThat(titles(suggest(bob, "halo").get("tracks"))).containsExactly("Halo");
    assertThat(titles(suggest(alice, "halo").get("tracks"))).containsExactlyInAnyOrder("Halo", "Halo Demo");
    JsonNode bobRock = search(bob, "genre=Rock");
    JsonNode aliceRock = search(alice, "genre=Rock");
    assertThat(bobRock.get("total").asInt()).isEqualTo(3);
    assertThat(aliceRock.get("total").asInt()).isEqualTo(4);
    assertThat(count(bobRock.get("facets").get("genre"), "Rock")).isEqualTo(3);
    assertThat(count(aliceRock.get("facets").get("genre"), "Rock")).isEqualTo(4);
  }

  @Test
  void facet_counts_equal_a_brute_force_count_with_drill_sideways_for_the_selected_dimension() {
    JsonNode all = search(bob, "limit=100");
    JsonNode rock = search(bob, "genre=Rock&genre=Metal&limit=100");
    Map<String, Integer> genres = new HashMap<>();
    Map<String, Integer> decadesOfSelection = new HashMap<>();
    for (JsonNode hit : all.get("hits")) {
      hit.get("genres").forEach(g -> genres.merge(g.asText(), 1, Integer::sum));
    }
    for (JsonNode hit : rock.get("hits")) {
      decadesOfSelection.merge((hit.get("year").asInt() / 10 * 10) + "s", 1, Integer::sum);
    }
    assertThat(rock.get("total").asInt()).isEqualTo(4);
    assertThat(counts(rock.get("facets").get("genre"))).isEqualTo(genres);
    assertThat(counts(rock.get("facets").get("decade"))).isEqualTo(decadesOfSelection);
  }

  @Test
  void deep_pages_visit_every_hit_exactly_once() {
    for (String sort : List.of("title", "year", "-year", "added", "popularity", "relevance")) {
      List<String> ids = new ArrayList<>();
      String cursor = null;
      do {
        JsonNode page = search(bob, "limit=3&sort=" + sort + (cursor == null ? "" : "&cursor=" + cursor));
        page.get("hits").forEach(h -> ids.add(h.get("id").asText()));
        cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
      } while (cursor != null);
      assertThat(ids).as(sort).hasSize(8).doesNotHaveDuplicates();
    }
  }

  @Test
  void the_owner_pages_through_public_tracks_and_her_private_one_merged_in_order() {
    for (String sort : List.of("title", "-year", "added")) {
      List<String> ids = new ArrayList<>();
      List<String> titles = new ArrayList<>();
      String cursor = null;
      do {
        JsonNode page = search(alice, "limit=2&sort=" + sort + (cursor == null ? "" : "&cursor=" + cursor));
        assertThat(page.get("total").asInt()).isEqualTo(9);
        page.get("hits").forEach(h -> {
          ids.add(h.get("id").asText());
          titles.add(h.get("title").asText());
        });
        cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
      } while (cursor != null);
      assertThat(ids).as(sort).hasSize(9).doesNotHaveDuplicates().contains(aliceDemoId);
      if (sort.equals("title")) {
        assertThat(titles).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
      }
    }
    assertThat(count(search(alice, "").get("facets").get("artist"), "Alice")).isEqualTo(1);
    assertThat(count(search(bob, "").get("facets").get("artist"), "Alice")).isZero();
  }

  @Test
  void a_cursor_only_continues_its_own_query_and_caller() {
    String cursor = search(bob, "limit=2&sort=title").get("nextCursor").asText();
    assertThat(http.get("/v1/search?limit=2&sort=year&cursor=" + cursor, bob).status()).isEqualTo(400);
    assertThat(http.get("/v1/search?limit=2&sort=title&cursor=" + cursor, alice).status()).isEqualTo(400);
    assertThat(http.get("/v1/search?limit=2&sort=title&cursor=" + cursor, bob).status()).isEqualTo(200);
  }

  @Test
  void a_created_edited_and_deleted_track_is_searchable_changed_and_gone_within_a_second() {
    JsonNode created = server.createTrack(bob, "{\"title\":\"Paranoid Android\",\"artists\":[\"Radiohead\"]}");
    String path = "/v1/tracks/" + created.get("id").asText();
    awaitSearch(bob, "/v1/suggest?q=paranoid", body -> titles(body.get("tracks")).contains("Paranoid Android"),
        FRESHNESS);
    http.patch(path, bob, "{\"title\":\"Karma Police\"}", Map.of());
    awaitSearch(bob, "/v1/suggest?q=karma", body -> titles(body.get("tracks")).contains("Karma Police"), FRESHNESS);
    http.delete(path, bob, Map.of());
    awaitSearch(bob, "/v1/suggest?q=karma", body -> body.get("tracks").isEmpty(), FRESHNESS);
  }

  @Test
  void hostile_queries_get_an_answer_never_a_server_error() {
    List<String> hostile = List.of("title:foo AND (bar OR \"baz", "*", "?", "\\", "~1", "a".repeat(500),
        "🎸🎶", "\u0000\u0007 halo", "b", "x".repeat(10_000));
    for (String q : hostile) {
      String encoded = URLEncoder.encode(q, StandardCharsets.UTF_8);
      for (String route : List.of("/v1/suggest?q=", "/v1/search?q=")) {
        int status = http.get(route + encoded, bob).status();
        assertThat(status).as(route + q.substring(0, Math.min(20, q.length()))).isIn(200, 400);
      }
    }
    assertThat(http.get("/v1/suggest?q=%ED%A0%80", bob).status()).isIn(200, 400); // a lone surrogate in UTF-8
    assertThat(http.get("/v1/suggest?q=" + "x".repeat(501), bob).status()).isEqualTo(400);
    assertThat(http.get("/v1/search?limit=101", bob).status()).isEqualTo(400);
    assertThat(http.get("/v1/search?sort=loudest", bob).status()).isEqualTo(400);
  }

  @Test
  void ratings_through_the_api_reach_min_rating_and_the_rating_facet_within_seconds() {
    Map<String, String> ids = new HashMap<>();
    search(server.adminToken("root"), "limit=100").get("hits")
        .forEach(h -> ids.put(h.get("title").asText(), h.get("id").asText()));
    rate(bob, ids.get("Halo"), 5);
    rate(alice, ids.get("Halo"), 4); // 4.5
    rate(bob, ids.get("Hey Jude"), 3); // 3.0
    rate(bob, ids.get("Ace of Spades"), 2);
    rate(alice, ids.get("Ace of Spades"), 1); // 1.5
    rate(alice, aliceDemoId, 5); // private: counted for alice alone
    String bobBuckets = "[{\"value\":\"4\",\"count\":1},{\"value\":\"3\",\"count\":2},"
        + "{\"value\":\"2\",\"count\":2},{\"value\":\"1\",\"count\":3}]";
    awaitSearch(bob, "/v1/search?minRating=4", body -> body.get("facets").get("rating").toString().equals(bobBuckets),
        Duration.ofSeconds(2));
    JsonNode bobTop = search(bob, "minRating=4");
    assertThat(titles(bobTop.get("hits"))).containsExactly("Halo");
    assertThat(bobTop.get("hits").get(0).get("rating").toString()).isEqualTo("{\"average\":4.5,\"count\":2}");
    awaitSearch(alice, "/v1/search?minRating=4", body -> body.get("total").asInt() == 2, Duration.ofSeconds(2));
    assertThat(counts(search(alice, "minRating=4.5").get("facets").get("rating")))
        .isEqualTo(Map.of("5", 1, "4", 2, "3", 3, "2", 3, "1", 4));
    assertThat(titles(search(alice, "minRating=4.5&sort=title").get("hits"))).containsExactly("Halo", "Halo Demo");
    assertThat(titles(search(bob, "genre=Rock&minRating=3").get("hits"))).containsExactly("Hey Jude");
    assertThat(titles(search(bob, "q=halo&minRating=1").get("hits"))).containsExactly("Halo");
    // popularity is average × ln(1 + count): Halo 4.5·ln 3, Hey Jude 3·ln 2, Ace of Spades 1.5·ln 3, others 0
    assertThat(titles(search(bob, "sort=popularity&limit=3").get("hits")))
        .containsExactly("Halo", "Hey Jude", "Ace of Spades");
  }

  @Test
  void min_rating_and_the_rating_facet_equal_a_brute_force_count_over_the_hits() {
    for (String token : List.of(alice, bob)) {
      JsonNode all = search(token, "limit=100");
      for (double min : new double[] {1, 2, 2.5, 3, 4, 5}) {
        JsonNode filtered = search(token, "limit=100&minRating=" + min);
        long expected = 0;
        for (JsonNode hit : all.get("hits")) {
          JsonNode average = hit.get("rating").get("average");
          expected += !average.isNull() && average.asDouble() >= min ? 1 : 0;
        }
        assertThat(filtered.get("total").asLong()).as("minRating=" + min).isEqualTo(expected);
        assertThat(filtered.get("facets").get("rating")).isEqualTo(all.get("facets").get("rating"));
      }
      Map<String, Integer> buckets = new HashMap<>();
      for (JsonNode hit : all.get("hits")) {
        JsonNode rating = hit.get("rating");
        for (int stars = 1; stars <= 5; stars++) {
          // averages are shown to one decimal; the fixtures' averages are exact at one decimal
          if (rating.get("count").asInt() > 0 && rating.get("average").asDouble() >= stars) {
            buckets.merge(Integer.toString(stars), 1, Integer::sum);
          }
        }
      }
      assertThat(counts(all.get("facets").get("rating"))).isEqualTo(buckets);
    }
  }

  @Test
  void min_rating_must_be_a_number_of_stars_from_one_to_five() {
    for (String bad : List.of("0", "0.5", "6", "5.01", "-1", "abc", "NaN", "Infinity", "1e0", "4.", "%204", "4,5")) {
      Http.Response response = http.get("/v1/search?minRating=" + bad, bob);
      assertThat(response.status()).as(bad).isEqualTo(400);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("minRating");
    }
    assertThat(http.get("/v1/search?minRating=3&minRating=4", bob).status()).isEqualTo(400);
    assertThat(http.get("/v1/search?minRating=5", bob).status()).isEqualTo(200);
    assertThat(http.get("/v1/search?minRating=1.0", bob).status()).isEqualTo(200);
  }

  @Test
  void the_private_track_owner_and_admins_see_it_in_search() {
    assertThat(ids(search(alice, "q=halo").get("hits"))).contains(aliceDemoId);
    assertThat(ids(search(server.adminToken("root"), "q=halo").get("hits"))).contains(aliceDemoId);
    assertThat(ids(search(bob, "q=halo").get("hits"))).doesNotContain(aliceDemoId);
  }

  private static void rate(String token, String id, int stars) {
    Http.Response response = http.send("PUT", "/v1/tracks/" + id + "/rating", token, "application/json",
        "{\"stars\":" + stars + "}", Map.of());
    assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
  }

  private static JsonNode suggest(String token, String q) {
    Http.Response response = http.get("/v1/suggest?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), token);
    assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
    return response.json();
  }

  private static JsonNode search(String token, String params) {
    Http.Response response = http.get("/v1/search?" + params, token);
    assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
    return response.json();
  }

  private static void awaitSearch(String token, String path, Predicate<JsonNode> done, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      Http.Response response = http.get(path, token);
      if (response.status() == 200 && done.test(response.json())) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not visible within " + within.toMillis() + " ms: " + response.raw().body());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static List<String> titles(JsonNode tracks) {
    List<String> titles = new ArrayList<>();
    tracks.forEach(t -> titles.add(t.get("title").asText()));
    return titles;
  }

  private static Set<String> ids(JsonNode hits) {
    Set<String> ids = new HashSet<>();
    hits.forEach(h -> ids.add(h.get("id").asText()));
    return ids;
  }

  private static int count(JsonNode values, String value) {
    return counts(values).getOrDefault(value, 0);
  }

  private static Map<String, Integer> counts(JsonNode values) {
    Map<String, Integer> counts = new HashMap<>();
    values.forEach(v -> counts.put(v.get("value").asText(), v.get("count").asInt()));
    return counts;
  }
}
