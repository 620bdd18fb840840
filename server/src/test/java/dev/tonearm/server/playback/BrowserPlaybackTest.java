package dev.tonearm.server.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tonearm.ingest.media.ToneGenerator;
import dev.tonearm.server.TestServer;
import dev.tonearm.server.uploads.UploadDriver;
import dev.tonearm.server.uploads.UploadLimits;
import dev.tonearm.server.http.Json;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real player: hls.js in headless Chromium (driven by playwright-core, both pinned in {@code tests/browser})
 * plays a freshly uploaded track (a FLAC put to the presigned URL, ingested by the in-process worker with real
 * ffmpeg) from the URL of the play endpoint, from a page on another origin, through the local edge. It must play past
 * 5 s and switch levels, loading fragments of the new level; an expired and a tampered URL must not play.
 * Skipped, saying why, where Chromium, Node or the npm packages are missing.
 */
class BrowserPlaybackTest {
  private static final String SCRIPT = "tests/browser/play-hls.mjs";
  private static TestServer server;
  private static Map<String, JsonNode> results;

  @BeforeAll
  static void play() throws Exception {
    Path root = repoRoot();
    Optional<Path> chromium = onPath("chromium", "chromium-browser");
    assumeTrue(chromium.isPresent(), "Chromium is not installed (apt-get install chromium): browser test skipped");
    assumeTrue(onPath("node").isPresent(), "Node is not installed: browser test skipped");
    assumeTrue(Files.isDirectory(root.resolve("tests/browser/node_modules/hls.js")),
        "tests/browser/node_modules is missing (npm ci --prefix tests/browser): browser test skipped");

    server = TestServer.withUploads(UploadLimits.withMax(64 * UploadLimits.MIB));
    Path flac = Files.createTempDirectory("browser-playback").resolve("Sigur Rós - Hoppípolla.flac");
    new ToneGenerator("ffmpeg").write(flac, Duration.ofSeconds(20),
        Map.of("TITLE", "Hoppípolla", "ARTIST", "Sigur Rós"), null);
    JsonNode upload = UploadDriver.upload(server, server.token("alice"), flac, "audio/flac", "private");
    assertThat(upload.get("status").asText()).as(upload.toString()).isEqualTo("READY");
    String trackId = upload.get("trackId").asText();
    JsonNode play = server.http.get("/v1/tracks/" + trackId + "/play", server.token("alice")).json();
    assertThat(play.get("format").asText()).as(play.toString()).isEqualTo("hls");
    String url = play.get("url").asText();
    UrlSigner signer = new UrlSigner(server.media.key(), () -> url.substring(0, url.indexOf("/tracks/")));
    String dir = "tracks/" + trackId + "/hls/";
    String expired = signer.signUnder(dir + "master.m3u8", dir, Instant.now().minusSeconds(60));
    String tampered = url.replaceAll("Signature=(.)", "Signature=" + (url.contains("Signature=A") ? "B" : "A"));

    Map<String, Object> input = new LinkedHashMap<>();
    input.put("chromium", chromium.get().toString());
    input.put("cases", List.of(Map.of("name", "valid", "url", url, "expect", "play"),
        Map.of("name", "expired", "url", expired, "expect", "error"),
        Map.of("name", "tampered", "url", tampered, "expect", "error")));
    results = new LinkedHashMap<>();
    for (JsonNode result : Json.parse(run(root, Json.write(input)))) {
      results.put(result.get("name").asText(), result);
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void hls_js_plays_a_signed_url_past_five_seconds_from_another_origin() {
    JsonNode valid = results.get("valid");
    assertThat(valid.get("error").isNull()).as(valid.toString()).isTrue();
    assertThat(valid.get("levels").asInt()).isEqualTo(3);
    assertThat(valid.get("currentTime").asDouble()).isGreaterThan(5.0);
    assertThat(valid.get("pageOrigin").asText()).doesNotContain("127.0.0.1"); // the media is on another origin
  }

  @Test
  void a_level_switch_loads_fragments_of_the_new_level() {
    JsonNode valid = results.get("valid");
    int target = valid.get("switchedTo").asInt(-1);
    assertThat(target).as(valid.toString()).isBetween(0, 2);
    assertThat(valid.get("fragmentsAfterSwitch").findValues("level").stream().map(JsonNode::asInt))
        .contains(target);
  }

  @Test
  void an_expired_url_does_not_play() {
    assertRefused(results.get("expired"));
  }

  @Test
  void a_tampered_url_does_not_play() {
    assertRefused(results.get("tampered"));
  }

  private static void assertRefused(JsonNode result) {
    assertThat(result.get("error").isNull()).as(result.toString()).isFalse();
    assertThat(result.get("error").get("details").asText()).isEqualTo("manifestLoadError");
    assertThat(result.get("error").get("status").asInt()).isEqualTo(403);
    assertThat(result.get("currentTime").asDouble()).isZero();
    assertThat(result.get("fragments")).isEmpty();
  }

  private static String run(Path root, String input) throws IOException, InterruptedException {
    Process node = new ProcessBuilder("node", root.resolve(SCRIPT).toString(), input)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!node.waitFor(90, TimeUnit.SECONDS) || node.exitValue() != 0) {
      node.destroyForcibly();
      throw new AssertionError("the browser run failed (exit " + (node.isAlive() ? "timeout" : node.exitValue())
          + "): " + output);
    }
    return output.lines().reduce((first, last) -> last).orElseThrow(() -> new AssertionError("no output"));
  }

  private static Optional<Path> onPath(String... names) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .flatMap(dir -> Stream.of(names).map(name -> Path.of(dir, name)))
        .filter(Files::isExecutable).findFirst();
  }

  private static Path repoRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("tests/browser/package.json"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no tests/browser/package.json above " + Path.of("").toAbsolutePath());
  }
}
