package dev.tonearm.server.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tonearm.server.Http;
import dev.tonearm.server.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Audio features through the API: set on create and patch, checked, shown, and used by similar tracks. Every
 * fixture shares one genre and era, so only the sound tells a quiet ballad from a loud rocker.
 */
class SoundsAlikeApiTest {
  private static final String BALLAD = features(0.35, 0.15, 0.2, 0.93, 0.02, 0.04, 0.1, 76, -16);
  private static final String QUIETER_BALLAD = features(0.3, 0.12, 0.18, 0.95, 0.05, 0.035, 0.11, 72, -18);
  private static final String ROCKER = features(0.45, 0.97, 0.55, 0.001, 0.01, 0.08, 0.3, 140, -4);
  private static final List<String> BALLADS = List.of("Hoppípolla", "Skinny Love", "Holocene");
  private static final List<String> ROCKERS = List.of("Ace of Spades", "Thunderstruck", "So What");

  private static TestServer server;
  private static Http http;
  private static String curator;
  private static String listener;

  @BeforeAll
  static void start() {
    server = new TestServer();
    http = server.http;
    curator = server.token("curator");
    listener = server.token("listener");
    add(curator, "Hoppípolla", "Sigur Rós", BALLAD, "public");
    add(curator, "Skinny Love", "Bon Iver", QUIETER_BALLAD, "public");
    add(curator, "Holocene", "Bon Iver Tribute", BALLAD, "public");
    add(curator, "Ace of Spades", "Motörhead", ROCKER, "public");
    add(curator, "Thunderstruck", "AC/DC", ROCKER, "public");
    add(curator, "So What", "P!nk", ROCKER, "public");
    add(curator, "No Features Yet", "坂本龍一", null, "public");
    add(curator, "Whisper Demo", "The Beatles", QUIETER_BALLAD, "private");
    server.awaitIndexed(8);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void a_track_created_with_features_shows_them() {
    JsonNode created = server.createTrack(listener, "{\"title\":\"Lullaby\",\"genres\":[\"Indie\"],"
        + "\"audioFeatures\":" + BALLAD.replace("}", ",\"key\":5,\"mode\":1}") + "}");
    JsonNode features = http.get("/v1/tracks/" + created.get("id").asText(), listener).json().get("audioFeatures");
    assertThat(features.get("tempo").asDouble()).isEqualTo(76.0);
    assertThat(features.get("acousticness").asDouble()).isEqualTo(0.93);
    assertThat(features.get("key").asInt()).isEqualTo(5);
    assertThat(features.get("mode").asInt()).isEqualTo(1);
    JsonNode plain = server.createTrack(listener, "{\"title\":\"Plain\"}");
    assertThat(plain.get("audioFeatures").isNull()).isTrue();
  }

  @Test
  void a_track_created_with_features_gets_tracks_that_sound_like_it_first() throws InterruptedException {
    String seed = add(listener, "Slow Song", "Sóley", QUIETER_BALLAD, "public");
    List<String> titles = fixtures(awaitSimilar(listener, seed, t -> fixtures(t).size() >= 6));
    assertThat(titles.subList(0, 3)).containsExactlyInAnyOrderElementsOf(BALLADS);
    assertThat(titles.subList(3, 6)).containsExactlyInAnyOrderElementsOf(ROCKERS);
    assertThat(titles).doesNotContain("Whisper Demo", "Slow Song");
  }

  @Test
  void patched_features_move_the_track_among_the_other_sound() throws InterruptedException {
    String seed = add(listener, "Changing Song", "Björk", BALLAD, "public");
    awaitSimilar(listener, seed, t -> !fixtures(t).isEmpty() && BALLADS.contains(fixtures(t).get(0)));
    Http.Response patched = http.patch("/v1/tracks/" + seed, listener, "{\"audioFeatures\":" + ROCKER + "}",
        Map.of());
    assertThat(patched.status()).as(patched.raw().body()).isEqualTo(200);
    List<String> titles = fixtures(awaitSimilar(listener, seed,
        t -> fixtures(t).size() >= 3 && ROCKERS.contains(fixtures(t).get(0))));
    assertThat(titles.subList(0, 3)).containsExactlyInAnyOrderElementsOf(ROCKERS);
  }

  @Test
  void someone_elses_private_track_never_comes_through_its_sound_but_its_owner_gets_it() throws Exception {
    String seed = add(listener, "Another Slow Song", "Nick Drake", QUIETER_BALLAD, "public");
    assertThat(awaitSimilar(listener, seed, t -> t.size() >= 6)).doesNotContain("Whisper Demo");
    assertThat(fixtures(awaitSimilar(curator, seed, t -> t.contains("Whisper Demo"))).subList(0, 4))
        .contains("Whisper Demo");
  }

  @Test
  void a_value_out_of_range_is_a_400_naming_the_field() {
    Http.Response bad = http.post("/v1/tracks", listener, "{\"title\":\"Loud\",\"audioFeatures\":"
        + ROCKER.replace("\"energy\":0.97", "\"energy\":1.5").replace("\"tempo\":140.0", "\"tempo\":400") + "}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    assertThat(fields(bad)).containsExactlyInAnyOrder("audioFeatures.energy", "audioFeatures.tempo");
  }

  @Test
  void features_are_all_given_or_none() {
    Http.Response partial = http.post("/v1/tracks", listener,
        "{\"title\":\"Half\",\"audioFeatures\":{\"energy\":0.5,\"tempo\":120,\"mood\":0.3}}");
    assertThat(partial.status()).isEqualTo(400);
    assertThat(fields(partial)).contains("audioFeatures.danceability", "audioFeatures.loudness",
        "audioFeatures.mood").doesNotContain("audioFeatures.energy", "audioFeatures.tempo");
    Http.Response text = http.post("/v1/tracks", listener, "{\"title\":\"Text\",\"audioFeatures\":\"loud\"}");
    assertThat(fields(text)).containsExactly("audioFeatures");
  }

  @Test
  void null_removes_the_features() {
    String id = add(listener, "Forgotten Sound", "Listener", BALLAD, "private");
    Http.Response cleared = http.patch("/v1/tracks/" + id, listener, "{\"audioFeatures\":null}", Map.of());
    assertThat(cleared.status()).isEqualTo(200);
    assertThat(cleared.json().get("audioFeatures").isNull()).isTrue();
    assertThat(cleared.json().get("title").asText()).isEqualTo("Forgotten Sound");
  }

  private static String features(double dance, double energy, double valence, double acoustic, double instrumental,
      double speech, double live, double tempo, double loudness) {
    return String.format(java.util.Locale.ROOT, "{\"danceability\":%s,\"energy\":%s,\"valence\":%s,"
        + "\"acousticness\":%s,\"instrumentalness\":%s,\"speechiness\":%s,\"liveness\":%s,\"tempo\":%s,"
        + "\"loudness\":%s}", dance, energy, valence, acoustic, instrumental, speech, live, tempo, loudness);
  }

  private static String add(String token, String title, String artist, String features, String visibility) {
    return server.createTrack(token, String.format("{\"title\":\"%s\",\"artists\":[\"%s\"],\"genres\":[\"Indie\"],"
        + "\"year\":2008,\"visibility\":\"%s\",\"audioFeatures\":%s}", title, artist, visibility, features))
        .get("id").asText();
  }

  /** The fixtures among {@code titles}, in order: other tests add tracks of their own to the same catalog. */
  private static List<String> fixtures(List<String> titles) {
    return titles.stream().filter(t -> BALLADS.contains(t) || ROCKERS.contains(t) || t.equals("Whisper Demo"))
        .toList();
  }

  private static List<String> fields(Http.Response response) {
    List<String> fields = new ArrayList<>();
    response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }

  /** The titles similar to {@code id}, once they satisfy {@code settled} (the index follows within a second). */
  private static List<String> awaitSimilar(String token, String id, Predicate<List<String>> settled)
      throws InterruptedException {
    List<String> titles = List.of();
    for (int i = 0; i < 250 && !settled.test(titles); i++) {
      Thread.sleep(20);
      Http.Response response = http.get("/v1/tracks/" + id + "/similar?limit=20", token);
      List<String> now = new ArrayList<>();
      if (response.status() == 200) {
        response.json().get("tracks").forEach(t -> now.add(t.get("title").asText()));
      }
      titles = now;
    }
    return titles;
  }
}
