package dev.tonearm.server.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tonearm.server.Http;
import dev.tonearm.server.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /v1/tracks/{id}/rating} through real HTTP, over DynamoDB Local. */
class RatingsApiTest {
  private static TestServer server;
  private static Http http;
  private static String alice;
  private static String bob;
  private static String root;
  private static String aliceDemoId;

  @BeforeAll
  static void start() {
    server = new TestServer();
    http = server.http;
    alice = server.token("alice");
    bob = server.token("bob");
    root = server.adminToken("root");
    aliceDemoId = server.createTrack(alice, """
        {"title":"Hoppípolla (demo)","artists":["Sigur Rós"],"visibility":"private"}""").get("id").asText();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void rating_changing_and_withdrawing_moves_the_aggregate_and_the_tracks_version() {
    String id = newTrack("Ace of Spades", "Motörhead");
    String before = http.get("/v1/tracks/" + id, bob).header("ETag");
    JsonNode rated = rate(bob, id, "{\"stars\":4}", 200);
    assertThat(rated.get("stars").asInt()).isEqualTo(4);
    assertThat(rated.get("rating").toString()).isEqualTo("{\"average\":4.0,\"count\":1}");
    rate(alice, id, "{\"stars\":5}", 200);
    JsonNode changed = rate(bob, id, "{\"stars\":2}", 200);
    assertThat(changed.get("rating").toString()).isEqualTo("{\"average\":3.5,\"count\":2}");
    Http.Response track = http.get("/v1/tracks/" + id, bob);
    assertThat(track.json().get("rating").toString()).isEqualTo("{\"average\":3.5,\"count\":2}");
    assertThat(track.header("ETag")).isEqualTo("\"4\"").isNotEqualTo(before);

    assertThat(http.delete("/v1/tracks/" + id + "/rating", bob, Map.of()).status()).isEqualTo(204);
    JsonNode mine = get(bob, id);
    assertThat(mine.get("stars").isNull()).isTrue();
    assertThat(mine.get("rating").toString()).isEqualTo("{\"average\":5.0,\"count\":1}");
  }

  @Test
  void a_repeated_request_counts_once() {
    String id = newTrack("Thunderstruck", "AC/DC");
    rate(bob, id, "{\"stars\":3}", 200);
    rate(bob, id, "{\"stars\":3}", 200);
    assertThat(http.delete("/v1/tracks/" + id + "/rating", alice, Map.of()).status()).isEqualTo(204); // none: fine
    JsonNode rating = get(bob, id).get("rating");
    assertThat(rating.toString()).isEqualTo("{\"average\":3.0,\"count\":1}");
    assertThat(http.get("/v1/tracks/" + id, bob).header("ETag")).isEqualTo("\"2\"");
  }

  @Test
  void an_unrated_track_shows_an_empty_aggregate() {
    String id = newTrack("Hey Jude", "The Beatles");
    assertThat(http.get("/v1/tracks/" + id, bob).json().get("rating").toString())
        .isEqualTo("{\"average\":null,\"count\":0}");
    JsonNode mine = get(bob, id);
    assertThat(mine.get("stars").isNull()).isTrue();
    assertThat(mine.get("rating").get("count").asInt()).isZero();
  }

  @Test
  void many_listeners_rating_at_once_are_all_counted() throws Exception {
    String id = newTrack("Halo", "Beyoncé");
    int listeners = 10;
    ExecutorService pool = Executors.newFixedThreadPool(5);
    List<Future<Integer>> statuses = new ArrayList<>();
    try {
      for (int i = 0; i < listeners; i++) {
        String token = server.token("fan-" + i);
        String body = "{\"stars\":" + (1 + i % 5) + "}";
        statuses.add(pool.submit(() -> http.send("PUT", "/v1/tracks/" + id + "/rating", token, "application/json",
            body, Map.of()).status()));
      }
      for (Future<Integer> status : statuses) {
        assertThat(status.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdown();
    }
    // 1+2+3+4+5 twice = 30 over 10 listeners
    assertThat(get(bob, id).get("rating").toString()).isEqualTo("{\"average\":3.0,\"count\":10}");
    assertThat(http.get("/v1/tracks/" + id, bob).header("ETag")).isEqualTo("\"" + (1 + listeners) + "\"");
  }

  @Test
  void another_users_private_track_is_not_found_for_every_rating_route() {
    String path = "/v1/tracks/" + aliceDemoId + "/rating";
    assertProblem(http.send("PUT", path, bob, "application/json", "{\"stars\":1}", Map.of()), 404);
    assertProblem(http.get(path, bob), 404);
    assertProblem(http.delete(path, bob, Map.of()), 404);
    assertThat(http.get("/v1/tracks/" + aliceDemoId, alice).header("ETag")).isEqualTo("\"1\"");
    assertProblem(http.send("PUT", "/v1/tracks/no-such-track/rating", bob, "application/json", "{\"stars\":1}",
        Map.of()), 404);
    assertProblem(http.get("/v1/tracks/no-such-track/rating", bob), 404);
  }

  @Test
  void the_owner_and_an_admin_may_rate_a_private_track() {
    String id = server.createTrack(alice, "{\"title\":\"Bedroom Tape\",\"visibility\":\"private\"}")
        .get("id").asText();
    rate(alice, id, "{\"stars\":5}", 200);
    JsonNode byAdmin = rate(root, id, "{\"stars\":4}", 200);
    assertThat(byAdmin.get("rating").toString()).isEqualTo("{\"average\":4.5,\"count\":2}");
  }

  @Test
  void a_deleted_track_is_not_found_and_keeps_no_rating() {
    String id = newTrack("Paranoid Android", "Radiohead");
    rate(bob, id, "{\"stars\":5}", 200);
    assertThat(http.delete("/v1/tracks/" + id, alice, Map.of()).status()).isEqualTo(204);
    assertProblem(http.send("PUT", "/v1/tracks/" + id + "/rating", bob, "application/json", "{\"stars\":2}",
        Map.of()), 404);
    assertProblem(http.get("/v1/tracks/" + id + "/rating", bob), 404);
  }

  @Test
  void anything_but_one_to_five_whole_stars_is_a_400_problem() {
    String id = newTrack("Back in Black", "AC/DC");
    for (String body : List.of("{\"stars\":0}", "{\"stars\":6}", "{\"stars\":-1}", "{\"stars\":4.5}",
        "{\"stars\":\"4\"}", "{\"stars\":true}", "{\"stars\":null}", "{}", "[4]", "4", "{\"stars\":4,\"x\":1}",
        "{\"stars\":99999999999}", "{\"stars\":4", "")) {
      Http.Response response = http.send("PUT", "/v1/tracks/" + id + "/rating", bob, "application/json", body,
          Map.of());
      assertProblem(response, 400);
    }
    assertThat(get(bob, id).get("rating").get("count").asInt()).isZero();
  }

  @Test
  void the_rating_routes_are_in_the_openapi_document() {
    JsonNode paths = http.get("/openapi.json", null).json().get("paths");
    JsonNode rating = paths.get("/v1/tracks/{id}/rating");
    assertThat(rating.has("get")).isTrue();
    assertThat(rating.has("put")).isTrue();
    assertThat(rating.has("delete")).isTrue();
    assertThat(rating.get("put").get("requestBody")).isNotNull();
  }

  private static String newTrack(String title, String artist) {
    return server.createTrack(alice, "{\"title\":\"" + title + "\",\"artists\":[\"" + artist + "\"]}")
        .get("id").asText();
  }

  private static JsonNode rate(String token, String id, String body, int status) {
    Http.Response response = http.send("PUT", "/v1/tracks/" + id + "/rating", token, "application/json", body,
        Map.of());
    assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
    return response.json();
  }

  private static JsonNode get(String token, String id) {
    Http.Response response = http.get("/v1/tracks/" + id + "/rating", token);
    assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
    return response.json();
  }

  private static void assertProblem(Http.Response response, int status) {
    assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("status").asInt()).isEqualTo(status);
  }
}
