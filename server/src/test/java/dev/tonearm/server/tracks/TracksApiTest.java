package dev.tonearm.server.tracks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tonearm.server.Http;
import dev.tonearm.server.TestServer;
import dev.tonearm.server.auth.DevIssuer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TracksApiTest {
  private static TestServer server;
  private static Http http;
  private static String alice;

  @BeforeAll
  static void start() {
    server = new TestServer();
    http = server.http;
    alice = server.token("alice");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode create(String token, String json) {
    return server.createTrack(token, json);
  }

  @Test
  void a_created_track_is_owned_by_its_creator_and_readable_with_an_etag() {
    JsonNode halo = create(alice, """
        {"title":"Halo","artists":["Beyoncé"],"album":"I Am... Sasha Fierce","genres":["Pop","R&B"],
         "year":2008,"durationMs":261000,"trackNumber":3,"fileName":"03 Halo.flac"}""");
    assertThat(halo.get("owner").asText()).isEqualTo(DevIssuer.subjectFor("alice"));
    assertThat(halo.get("artist").asText()).isEqualTo("Beyoncé");
    assertThat(halo.get("visibility").asText()).isEqualTo("public");
    assertThat(halo.get("version").asLong()).isEqualTo(1);

    Http.Response read = http.get("/v1/tracks/" + halo.get("id").asText(), alice);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.header("ETag")).isEqualTo("\"1\"");
    assertThat(read.json().get("title").asText()).isEqualTo("Halo");
    assertThat(read.json().get("genres").toString()).isEqualTo("[\"Pop\",\"R&B\"]");
  }

  @Test
  void validation_names_every_bad_field() {
    Http.Response bad = http.post("/v1/tracks", alice, """
        {"title":"","year":999,"durationMs":-1,"colour":"red","owner":"bob","visibility":"secret"}""");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    List<String> fields = new ArrayList<>();
    bad.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("title", "year", "durationMs", "colour", "owner", "visibility");
  }

  @Test
  void titles_and_years_are_checked_at_their_bounds() {
    assertThat(http.post("/v1/tracks", alice, "{\"title\":\"" + "a".repeat(500) + "\"}").status()).isEqualTo(201);
    assertThat(http.post("/v1/tracks", alice, "{\"title\":\"" + "a".repeat(501) + "\"}").status()).isEqualTo(400);
    assertThat(http.post("/v1/tracks", alice, "{\"title\":\"Old\",\"year\":1000}").status()).isEqualTo(201);
    assertThat(http.post("/v1/tracks", alice, "{\"title\":\"Future\",\"year\":2101}").status()).isEqualTo(400);
    assertThat(http.post("/v1/tracks", alice, "{\"title\":\"Silence\",\"durationMs\":0}").status()).isEqualTo(201);
    assertThat(http.post("/v1/tracks", alice, "{\"artists\":[\"No Title\"]}").json().get("errors").get(0)
        .get("field").asText()).isEqualTo("title");
  }

  @Test
  void malformed_and_oversized_bodies_are_clear_errors() {
    Http.Response malformed = http.post("/v1/tracks", alice, "{\"title\":");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("detail").asText()).startsWith("malformed JSON");
    Http.Response duplicateKey = http.post("/v1/tracks", alice, "{\"title\":\"a\",\"title\":\"b\"}");
    assertThat(duplicateKey.status()).isEqualTo(400);
    Http.Response array = http.post("/v1/tracks", alice, "[]");
    assertThat(array.status()).isEqualTo(400);
    Http.Response huge = http.post("/v1/tracks", alice, "{\"title\":\"" + "x".repeat(1_100_000) + "\"}");
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.contentType()).startsWith("application/problem+json");
  }

  @Test
  void a_patch_changes_only_editable_fields_and_bumps_the_version() {
    JsonNode track = create(alice, "{\"title\":\"Hoppipolla\",\"artists\":[\"Sigur Ros\"]}");
    String path = "/v1/tracks/" + track.get("id").asText();
    Http.Response patched = http.patch(path, alice, "{\"title\":\"Hoppípolla\",\"artists\":[\"Sigur Rós\"]}",
        Map.of("If-Match", "\"1\""));
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.header("ETag")).isEqualTo("\"2\"");
    assertThat(patched.json().get("artist").asText()).isEqualTo("Sigur Rós");
    Http.Response readOnly = http.patch(path, alice, "{\"owner\":\"mallory\",\"version\":99}", Map.of());
    assertThat(readOnly.status()).isEqualTo(400);
    assertThat(http.get(path, alice).json().get("owner").asText()).isEqualTo(DevIssuer.subjectFor("alice"));
  }

  @Test
  void a_stale_if_match_is_a_412_and_changes_nothing() {
    JsonNode track = create(alice, "{\"title\":\"Paranoid Android\"}");
    String path = "/v1/tracks/" + track.get("id").asText();
    assertThat(http.patch(path, alice, "{\"year\":1997}", Map.of("If-Match", "\"1\"")).status()).isEqualTo(200);
    Http.Response stale = http.patch(path, alice, "{\"year\":1998}", Map.of("If-Match", "\"1\""));
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.contentType()).startsWith("application/problem+json");
    assertThat(http.get(path, alice).json().get("year").asInt()).isEqualTo(1997);
    assertThat(http.delete(path, alice, Map.of("If-Match", "\"1\"")).status()).isEqualTo(412);
    assertThat(http.patch(path, alice, "{\"year\":1998}", Map.of("If-Match", "W/\"2\"")).status()).isEqualTo(400);
  }

  @Test
  void concurrent_patches_to_different_fields_are_all_kept() throws Exception {
    JsonNode track = create(alice, "{\"title\":\"Ace of Spades\",\"artists\":[\"Motörhead\"]}");
    String path = "/v1/tracks/" + track.get("id").asText();
    List<String> bodies = List.of("{\"year\":1980}", "{\"album\":\"Ace of Spades\"}", "{\"durationMs\":169000}",
        "{\"genres\":[\"Heavy Metal\"]}", "{\"trackNumber\":1}", "{\"discNumber\":1}");
    CountDownLatch go = new CountDownLatch(1);
    try (ExecutorService pool = Executors.newFixedThreadPool(bodies.size())) {
      List<Future<Integer>> statuses = new ArrayList<>();
      for (String body : bodies) {
        statuses.add(pool.submit(() -> {
          go.await();
          return http.patch(path, alice, body, Map.of()).status();
        }));
      }
      go.countDown();
      for (Future<Integer> status : statuses) {
        assertThat(status.get()).isEqualTo(200);
      }
    }
    JsonNode result = http.get(path, alice).json();
    assertThat(result.get("version").asLong()).isEqualTo(1 + bodies.size());
    assertThat(result.get("year").asInt()).isEqualTo(1980);
    assertThat(result.get("album").asText()).isEqualTo("Ace of Spades");
    assertThat(result.get("durationMs").asLong()).isEqualTo(169000);
    assertThat(result.get("genres").get(0).asText()).isEqualTo("Heavy Metal");
    assertThat(result.get("trackNumber").asInt()).isEqualTo(1);
    assertThat(result.get("discNumber").asInt()).isEqualTo(1);
  }

  @Test
  void an_empty_patch_changes_nothing_and_keeps_the_version() {
    JsonNode track = create(alice, "{\"title\":\"Karma Police\",\"album\":\"OK Computer\"}");
    Http.Response unchanged = http.patch("/v1/tracks/" + track.get("id").asText(), alice, "{}", Map.of());
    assertThat(unchanged.status()).isEqualTo(200);
    assertThat(unchanged.json().get("version").asLong()).isEqualTo(1);
  }

  @Test
  void a_deleted_track_is_gone() {
    JsonNode track = create(alice, "{\"title\":\"Thunderstruck\",\"artists\":[\"AC/DC\"]}");
    String path = "/v1/tracks/" + track.get("id").asText();
    assertThat(http.delete(path, alice, Map.of("If-Match", "\"1\"")).status()).isEqualTo(204);
    assertThat(http.get(path, alice).status()).isEqualTo(404);
    assertThat(http.delete(path, alice, Map.of()).status()).isEqualTo(404);
    assertThat(http.delete(path, alice, Map.of("If-Match", "\"1\"")).status()).isEqualTo(404);
  }

  @Test
  void someone_elses_public_track_is_readable_but_not_writable() {
    JsonNode track = create(alice, "{\"title\":\"So What\",\"artists\":[\"P!nk\"]}");
    String path = "/v1/tracks/" + track.get("id").asText();
    String bob = server.token("bob");
    assertThat(http.get(path, bob).status()).isEqualTo(200);
    assertThat(http.patch(path, bob, "{\"title\":\"Mine now\"}", Map.of()).status()).isEqualTo(403);
    assertThat(http.delete(path, bob, Map.of()).status()).isEqualTo(403);
    assertThat(http.patch(path, server.adminToken("root"), "{\"year\":2008}", Map.of()).status()).isEqualTo(200);
  }

  @Test
  void lookup_finds_a_track_by_its_file_name() {
    create(alice, "{\"title\":\"Hey Jude\",\"artists\":[\"The Beatles\"],\"fileName\":\"07 - Hey Jude (Remastered).mp3\"}");
    Http.Response found = http.get("/v1/tracks/lookup?fileName=07%20-%20Hey%20Jude%20(Remastered).mp3", alice);
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.json().get("title").asText()).isEqualTo("Hey Jude");
    assertThat(http.get("/v1/tracks/lookup?fileName=nothing.mp3", alice).status()).isEqualTo(404);
    assertThat(http.get("/v1/tracks/lookup", alice).status()).isEqualTo(400);
  }

  @Test
  void limits_outside_1_to_100_are_refused() {
    assertThat(http.get("/v1/tracks?limit=0", alice).status()).isEqualTo(400);
    assertThat(http.get("/v1/tracks?limit=101", alice).status()).isEqualTo(400);
    assertThat(http.get("/v1/tracks?limit=ten", alice).status()).isEqualTo(400);
    assertThat(http.get("/v1/tracks?limit=100", alice).status()).isEqualTo(200);
  }

  @Test
  void unknown_routes_answer_a_problem() {
    Http.Response response = http.get("/v1/nothing-here", alice);
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Test
  void the_profile_is_created_on_first_sight_and_can_be_renamed() {
    String carol = server.token("carol");
    JsonNode me = http.get("/v1/me", carol).json();
    assertThat(me.get("displayName").asText()).isEqualTo("carol");
    assertThat(me.get("admin").asBoolean()).isFalse();
    Http.Response renamed = http.patch("/v1/me", carol, "{\"displayName\":\"Carol Kaye\"}", Map.of());
    assertThat(renamed.json().get("displayName").asText()).isEqualTo("Carol Kaye");
    assertThat(http.patch("/v1/me", carol, "{\"displayName\":\"\"}", Map.of()).status()).isEqualTo(400);
  }

  @Test
  void the_openapi_document_lists_every_route() {
    JsonNode doc = http.get("/openapi.json", null).json();
    server.app.routes().forEach(route -> assertThat(doc.get("paths").get(route.path())
        .get(route.method().name().toLowerCase(java.util.Locale.ROOT))).as(route.path()).isNotNull());
    assertThat(http.get("/docs", null).raw().body()).contains("swagger-ui-bundle.js");
  }
}
