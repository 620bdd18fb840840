package dev.tonearm.server.playback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.Visibility;
import dev.tonearm.server.Http;
import dev.tonearm.server.MediaFixture;
import dev.tonearm.server.http.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /v1/tracks/{id}/play} and {@code /download}: who may, which file, and for how long. */
class PlaybackApiTest {
  private static final Duration EXTRA = Duration.ofMinutes(7);
  private static MediaFixture media;
  private static Http http;

  @BeforeAll
  static void start() {
    media = new MediaFixture(EXTRA);
    http = media.server.http;
  }

  @AfterAll
  static void stop() {
    media.close();
  }

  @Test
  void a_ready_track_plays_as_hls_under_a_policy_covering_its_hls_directory_only() {
    Track track = media.hlsTrack("alice", Visibility.PUBLIC);

    JsonNode play = ok(http.get("/v1/tracks/" + track.id() + "/play", media.server.token("bob")));

    assertThat(play.get("format").asText()).isEqualTo("hls");
    String url = play.get("url").asText();
    assertThat(url).startsWith(base() + "/tracks/" + track.id() + "/hls/master.m3u8?Policy=")
        .contains("&Signature=").endsWith("&Key-Pair-Id=" + media.server.media.key().keyPairId());
    assertThat(policy(url).get("Statement").get(0).get("Resource").asText())
        .isEqualTo(base() + "/tracks/" + track.id() + "/hls/*");
  }

  @Test
  void the_url_expires_after_the_tracks_duration_plus_the_configured_extra() {
    Track track = media.hlsTrack("alice", Visibility.PUBLIC);
    Instant before = Instant.now();

    JsonNode play = ok(http.get("/v1/tracks/" + track.id() + "/play", media.server.token("alice")));

    Instant expiresAt = Instant.parse(play.get("expiresAt").asText());
    Instant expected = before.plusMillis(MediaFixture.SINE_MS).plus(EXTRA);
    assertThat(expiresAt).isBetween(expected.minusSeconds(1), expected.plusSeconds(5));
    long epoch = policy(play.get("url").asText()).get("Statement").get(0).get("Condition").get("DateLessThan")
        .get("AWS:EpochTime").asLong();
    assertThat(epoch).isEqualTo(expiresAt.getEpochSecond());
  }

  @Test
  void a_track_still_transcoding_plays_its_original_under_a_policy_naming_that_file_alone() {
    Track track = media.originalOnly("alice", Visibility.PUBLIC, new byte[] {1, 2, 3});

    JsonNode play = ok(http.get("/v1/tracks/" + track.id() + "/play", media.server.token("alice")));

    assertThat(play.get("format").asText()).isEqualTo("original");
    String original = base() + "/tracks/" + track.id() + "/original.mp3";
    assertThat(play.get("url").asText()).startsWith(original + "?Policy=");
    assertThat(policy(play.get("url").asText()).get("Statement").get(0).get("Resource").asText()).isEqualTo(original);
  }

  @Test
  void download_prefers_the_mp3_and_falls_back_to_the_original() {
    Track lossless = media.hlsTrack("alice", Visibility.PUBLIC);
    Track mp3Upload = media.originalOnly("alice", Visibility.PUBLIC, new byte[] {1});

    JsonNode mp3 = ok(http.get("/v1/tracks/" + lossless.id() + "/download", media.server.token("alice")));
    JsonNode original = ok(http.get("/v1/tracks/" + mp3Upload.id() + "/download", media.server.token("alice")));

    assertThat(mp3.get("url").asText()).startsWith(base() + "/tracks/" + lossless.id() + "/download.mp3?");
    assertThat(mp3.get("format").asText()).isEqualTo("mp3");
    assertThat(original.get("url").asText()).startsWith(base() + "/tracks/" + mp3Upload.id() + "/original.mp3?");
  }

  @Test
  void another_users_private_track_is_not_found_but_its_owner_and_an_admin_may_play_it() {
    Track secret = media.hlsTrack("alice", Visibility.PRIVATE);
    String play = "/v1/tracks/" + secret.id() + "/play";
    String download = "/v1/tracks/" + secret.id() + "/download";

    for (String path : new String[] {play, download}) {
      Http.Response stranger = http.get(path, media.server.token("mallory"));
      assertThat(stranger.status()).isEqualTo(404);
      assertThat(stranger.contentType()).startsWith("application/problem+json");
      assertThat(http.get(path, media.server.token("alice")).status()).isEqualTo(200);
      assertThat(http.get(path, media.server.adminToken("root")).status()).isEqualTo(200);
    }
    assertThat(http.get("/v1/tracks/no-such-track/play", media.server.token("alice")).status()).isEqualTo(404);
  }

  @Test
  void a_track_without_media_is_a_409_problem_that_says_why() {
    Track track = media.metadataOnly("alice");

    for (String verb : new String[] {"play", "download"}) {
      Http.Response response = http.get("/v1/tracks/" + track.id() + "/" + verb, media.server.token("alice"));
      assertThat(response.status()).isEqualTo(409);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.json().get("detail").asText()).contains("no media").contains("METADATA_ONLY");
    }
  }

  @Test
  void signed_urls_are_not_kept_by_shared_caches() {
    Track track = media.hlsTrack("alice", Visibility.PUBLIC);
    assertThat(http.get("/v1/tracks/" + track.id() + "/play", media.server.token("alice")).header("Cache-Control"))
        .isEqualTo("private, no-store");
  }

  private static String base() {
    return "http://127.0.0.1:" + media.server.app.port() + "/media";
  }

  private static JsonNode ok(Http.Response response) {
    assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
    return response.json();
  }

  private static JsonNode policy(String url) {
    String value = url.replaceAll(".*[?&]Policy=([^&]*).*", "$1").replace('-', '+').replace('_', '=').replace('~', '/');
    return Json.parse(new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8));
  }
}
