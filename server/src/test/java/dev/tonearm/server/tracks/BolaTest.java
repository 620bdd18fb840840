package dev.tonearm.server.tracks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tonearm.server.Http;
import dev.tonearm.server.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** User B must not reach user A's private track by any door: read, edit, delete, list, lookup, cursor. */
class BolaTest {
  private static TestServer server;
  private static Http http;
  private static String alice;
  private static String bob;
  private static String secretPath;

  @BeforeAll
  static void start() {
    server = new TestServer();
    http = server.http;
    alice = server.token("alice");
    bob = server.token("bob");
    for (int i = 0; i < 30; i++) {
      server.createTrack(i % 2 == 0 ? alice : bob, "{\"title\":\"Filler " + i + "\"}");
    }
    JsonNode secret = server.createTrack(alice, """
        {"title":"Demo Tape","artists":["東京事変"],"visibility":"private","fileName":"secret-demo.wav"}""");
    secretPath = "/v1/tracks/" + secret.get("id").asText();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void another_users_private_track_is_not_found_to_read_edit_or_delete() {
    for (Http.Response r : List.of(http.get(secretPath, bob),
        http.patch(secretPath, bob, "{\"title\":\"Stolen\"}", Map.of()),
        http.delete(secretPath, bob, Map.of()))) {
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.contentType()).startsWith("application/problem+json");
    }
    assertThat(http.get(secretPath, alice).json().get("title").asText()).isEqualTo("Demo Tape");
  }

  @Test
  void lookup_does_not_find_another_users_private_track() {
    assertThat(http.get("/v1/tracks/lookup?fileName=secret-demo.wav", bob).status()).isEqualTo(404);
    assertThat(http.get("/v1/tracks/lookup?fileName=secret-demo.wav", alice).status()).isEqualTo(200);
  }

  @Test
  void listing_and_paging_never_show_another_users_private_track() {
    List<String> bobSees = listAll(bob, 4);
    List<String> aliceSees = listAll(alice, 4);
    String secretTitle = "Demo Tape";
    assertThat(bobSees).hasSize(30).doesNotContain(secretTitle);
    assertThat(aliceSees).hasSize(31).contains(secretTitle);
    assertThat(listAll(server.adminToken("root"), 100)).hasSize(31);
  }

  @Test
  void a_cursor_issued_to_alice_is_refused_to_bob_and_a_forged_one_to_anyone() {
    String aliceCursor = http.get("/v1/tracks?limit=2", alice).json().get("nextCursor").asText();
    Http.Response replayed = http.get("/v1/tracks?limit=2&cursor=" + aliceCursor, bob);
    assertThat(replayed.status()).isEqualTo(400);
    assertThat(replayed.contentType()).startsWith("application/problem+json");
    String forged = java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString("c1\nbob\n0".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ".AAAA";
    assertThat(http.get("/v1/tracks?cursor=" + forged, bob).status()).isEqualTo(400);
    String flipped = aliceCursor.substring(0, aliceCursor.length() - 2)
        + (aliceCursor.endsWith("A") ? "BB" : "AA");
    assertThat(http.get("/v1/tracks?cursor=" + flipped, alice).status()).isEqualTo(400);
    assertThat(http.get("/v1/tracks?cursor=%00%FF", alice).status()).isEqualTo(400);
  }

  @Test
  void export_contains_only_what_the_caller_can_see() {
    Http.Response json = http.get("/v1/tracks/export?format=json", bob);
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.json()).hasSize(30);
    assertThat(json.raw().body()).doesNotContain("Demo Tape");
    Http.Response csv = http.get("/v1/tracks/export?format=csv", alice);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.raw().body().lines().count()).isEqualTo(1 + 31);
    assertThat(csv.raw().body()).contains("東京事変");
  }

  private static List<String> listAll(String token, int limit) {
    List<String> titles = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = http.get("/v1/tracks?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor), token).json();
      assertThat(page.get("items").size()).isLessThanOrEqualTo(limit);
      page.get("items").forEach(t -> titles.add(t.get("title").asText()));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    } while (cursor != null);
    return titles;
  }
}
