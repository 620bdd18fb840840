package dev.tonearm.server.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tonearm.ingest.media.ToneGenerator;
import dev.tonearm.server.Http;
import dev.tonearm.server.TestServer;
import dev.tonearm.server.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads end to end over real HTTP: the API, presigned PUTs to S3Mock with exactly the returned headers, the
 * local event source and worker (real ffmpeg), then the track through the catalog API and search.
 */
class UploadsApiTest {
  private static final long MIB = UploadLimits.MIB;
  private static TestServer server;
  private static ToneGenerator tones;
  private static final HttpClient S3 = HttpClient.newHttpClient();
  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    // small limits so a test file can go multipart: above 6 MiB in 5 MiB parts, at most 20 MiB
    server = TestServer.withUploads(new UploadLimits(20 * MIB, 6 * MIB, 5 * MIB, Duration.ofHours(1),
        Duration.ofHours(6)));
    tones = new ToneGenerator("ffmpeg");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void an_uploaded_flac_becomes_a_ready_track_with_its_tags_and_is_found_by_search() throws Exception {
    String alice = server.token("alice");
    Path halo = tones.write(dir.resolve("03 Halo.flac"), Duration.ofSeconds(6), Map.of("TITLE", "Halo",
        "ARTIST", "Beyoncé", "ALBUM", "I Am... Sasha Fierce", "DATE", "2008", "GENRE", "Pop", "TRACKNUMBER", "3",
        "TRACKTOTAL", "11", "DISCNUMBER", "1"), null);

    Http.Response created = server.http.post("/v1/uploads", alice, declare(halo, "audio/flac", "public"));

    assertThat(created.status()).isEqualTo(201);
    JsonNode body = created.json();
    assertThat(fieldNames(body)).containsExactly("uploadId", "status", "url", "method", "headers", "expiresAt");
    assertThat(body.get("status").asText()).isEqualTo("PENDING");
    assertThat(body.get("method").asText()).isEqualTo("PUT");
    assertThat(fieldNames(body.get("headers"))).containsExactlyInAnyOrder("Content-Type", "Content-Length",
        "If-None-Match", "x-amz-checksum-sha256");
    assertThat(body.get("headers").get("If-None-Match").asText()).isEqualTo("*");
    assertThat(created.header("Location")).isEqualTo("/v1/uploads/" + body.get("uploadId").asText());
    String id = body.get("uploadId").asText();

    assertThat(put(body, Files.readAllBytes(halo)).statusCode()).isEqualTo(200);
    assertThat(put(body, Files.readAllBytes(halo)).statusCode()).as("If-None-Match: * is bound").isEqualTo(412);

    JsonNode ready = awaitFinal(id, alice);
    assertThat(ready.get("status").asText()).isEqualTo("READY");
    assertThat(ready.get("trackId").asText()).isEqualTo(id);
    assertThat(ready.get("tags").get("trackTotal").asInt()).isEqualTo(11);
    JsonNode track = server.http.get("/v1/tracks/" + id, alice).json();
    assertThat(track.get("title").asText()).isEqualTo("Halo");
    assertThat(track.get("artist").asText()).isEqualTo("Beyoncé");
    assertThat(track.get("album").asText()).isEqualTo("I Am... Sasha Fierce");
    assertThat(track.get("year").asInt()).isEqualTo(2008);
    assertThat(track.get("trackNumber").asInt()).isEqualTo(3);
    assertThat(track.get("genres").get(0).asText()).isEqualTo("Pop");
    assertThat(track.get("durationMs").asLong()).isCloseTo(6000L, within(50L));
    assertThat(track.get("fileName").asText()).isEqualTo("03 Halo.flac");
    assertThat(track.get("status").asText()).isEqualTo("READY");
    assertThat(awaitSuggested("halo beyo", alice, id)).isTrue();
  }

  @Test
  void a_large_file_goes_in_parts_and_a_file_that_is_not_what_was_declared_fails() throws Exception {
    String lemmy = server.token("lemmy");
    Path wav = tones.write(dir.resolve("Ace of Spades.wav"), Duration.ofSeconds(70),
        Map.of("title", "Ace of Spades", "artist", "Motörhead"), null);

    JsonNode good = multipart(wav, lemmy, sha256(wav));
    JsonNode lying = multipart(wav, lemmy, "ab".repeat(32));

    JsonNode ready = awaitFinal(good.get("uploadId").asText(), lemmy);
    assertThat(ready.get("status").asText()).as(ready.toString()).isEqualTo("READY");
    assertThat(ready.get("multipart").asBoolean()).isTrue();
    assertThat(server.http.get("/v1/tracks/" + ready.get("trackId").asText(), lemmy).json().get("title").asText())
        .isEqualTo("Ace of Spades");
    JsonNode failed = awaitFinal(lying.get("uploadId").asText(), lemmy);
    assertThat(failed.get("status").asText()).isEqualTo("FAILED");
    assertThat(failed.get("reason").asText()).contains("SHA-256").contains("ab".repeat(32));
    assertThat(failed.get("trackId").isNull()).isTrue();
  }

  @Test
  void a_single_put_with_other_bytes_than_declared_is_refused_by_storage() throws Exception {
    String pink = server.token("pink");
    Path song = tones.write(dir.resolve("So What.mp3"), Duration.ofSeconds(1), Map.of("artist", "P!nk"), null);
    JsonNode body = server.http.post("/v1/uploads", pink, declare(song, "audio/mpeg", null)).json();

    HttpResponse<String> sent = put(body, "not the declared bytes".getBytes(StandardCharsets.UTF_8));

    assertThat(sent.statusCode()).isBetween(400, 499);
    assertThat(server.http.get("/v1/uploads/" + body.get("uploadId").asText(), pink).json().get("status").asText())
        .isEqualTo("PENDING");
  }

  @Test
  void a_file_that_is_not_audio_is_refused_up_front_or_fails_with_a_reason() throws Exception {
    String bjork = server.token("bjork");
    Http.Response refused = server.http.post("/v1/uploads", bjork,
        "{\"fileName\":\"notes.txt\",\"size\":12,\"contentType\":\"text/plain\",\"sha256\":\"" + "0".repeat(64) + "\"}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(errorFields(refused.json())).containsExactlyInAnyOrder("fileName", "contentType");

    Path fake = Files.writeString(dir.resolve("Hyperballad.mp3"), "this is a text file, not an MP3\n".repeat(10));
    JsonNode body = server.http.post("/v1/uploads", bjork, declare(fake, "audio/mpeg", null)).json();
    assertThat(put(body, Files.readAllBytes(fake)).statusCode()).isEqualTo(200);

    JsonNode failed = awaitFinal(body.get("uploadId").asText(), bjork);
    assertThat(failed.get("status").asText()).isEqualTo("FAILED");
    assertThat(failed.get("reason").asText()).startsWith("not a readable audio file");
  }

  @Test
  void content_already_in_the_catalog_answers_200_with_its_track_and_moves_no_bytes() throws Exception {
    String paul = server.token("paul");
    Path song = tones.write(dir.resolve("Yesterday.mp3"), Duration.ofSeconds(2),
        Map.of("title", "Yesterday", "artist", "The Beatles"), null);
    JsonNode first = server.http.post("/v1/uploads", paul, declare(song, "audio/mpeg", "public")).json();
    put(first, Files.readAllBytes(song));
    String trackId = awaitFinal(first.get("uploadId").asText(), paul).get("trackId").asText();

    Http.Response again = server.http.post("/v1/uploads", server.token("ringo"), declare(song, "audio/mpeg", null));

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("status").asText()).isEqualTo("READY");
    assertThat(again.json().get("trackId").asText()).isEqualTo(trackId);
    assertThat(again.json().has("url")).isFalse();
  }

  @Test
  void another_users_private_track_is_not_revealed_as_a_duplicate() throws Exception {
    String yoko = server.token("yoko");
    Path song = tones.write(dir.resolve("Walking on Thin Ice.mp3"), Duration.ofSeconds(1), Map.of(), null);
    JsonNode first = server.http.post("/v1/uploads", yoko, declare(song, "audio/mpeg", "private")).json();
    put(first, Files.readAllBytes(song));
    awaitFinal(first.get("uploadId").asText(), yoko);

    Http.Response other = server.http.post("/v1/uploads", server.token("john"), declare(song, "audio/mpeg", null));

    assertThat(other.status()).isEqualTo(201);
    assertThat(other.json().has("url")).isTrue();
  }

  @Test
  void over_the_size_cap_is_a_400_that_names_the_limit() {
    Http.Response response = server.http.post("/v1/uploads", server.token("acdc"),
        "{\"fileName\":\"Highway to Hell.flac\",\"size\":" + (21 * MIB) + ",\"contentType\":\"audio/flac\","
            + "\"sha256\":\"" + "1".repeat(64) + "\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asText()).contains("size").contains(Long.toString(20 * MIB));
  }

  @Test
  void every_bad_field_is_reported_at_once() {
    Http.Response response = server.http.post("/v1/uploads", server.token("acdc"),
        "{\"fileName\":\"Thunderstruck.flac\",\"size\":0,\"contentType\":\"audio/mpeg\",\"sha256\":\"xyz\","
            + "\"visibility\":\"friends\",\"bitrate\":320}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(errorFields(response.json())).containsExactlyInAnyOrder("size", "contentType", "sha256",
        "visibility", "bitrate");
  }

  @Test
  void another_users_upload_is_not_found_but_an_admin_sees_it() throws Exception {
    String alice = server.token("alice-2");
    Path song = tones.write(dir.resolve("Single Ladies.mp3"), Duration.ofSeconds(1), Map.of(), null);
    String id = server.http.post("/v1/uploads", alice, declare(song, "audio/mpeg", null)).json()
        .get("uploadId").asText();

    assertThat(server.http.get("/v1/uploads/" + id, server.token("mallory")).status()).isEqualTo(404);
    assertThat(server.http.post("/v1/uploads/" + id + "/complete", server.token("mallory"),
        "{\"parts\":[{\"partNumber\":1,\"etag\":\"x\"}]}").status()).isEqualTo(404);
    assertThat(server.http.get("/v1/uploads", server.token("mallory")).json().get("items")).isEmpty();
    assertThat(server.http.get("/v1/uploads/" + id, server.adminToken("root")).status()).isEqualTo(200);
    assertThat(server.http.get("/v1/uploads/" + id, alice).status()).isEqualTo(200);
  }

  @Test
  void a_users_uploads_list_newest_first_in_pages() throws Exception {
    String user = server.token("motorhead-fan");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Path song = Files.writeString(dir.resolve("track-" + i + ".mp3"), "placeholder " + i);
      ids.add(server.http.post("/v1/uploads", user, declare(song, "audio/mpeg", null)).json().get("uploadId").asText());
      Thread.sleep(5);
    }

    JsonNode first = server.http.get("/v1/uploads?limit=2", user).json();
    String cursor = URLEncoder.encode(first.get("nextCursor").asText(), StandardCharsets.UTF_8);
    JsonNode second = server.http.get("/v1/uploads?limit=2&cursor=" + cursor, user).json();

    assertThat(ids(first)).containsExactly(ids.get(2), ids.get(1));
    assertThat(ids(second)).containsExactly(ids.get(0));
    assertThat(second.get("nextCursor").isNull()).isTrue();
  }

  /** Starts a multipart upload, PUTs every part with its headers, completes it; returns the completion's body. */
  private static JsonNode multipart(Path file, String token, String declaredSha256) throws Exception {
    String declaration = "{\"fileName\":\"" + file.getFileName() + "\",\"size\":" + Files.size(file)
        + ",\"contentType\":\"audio/wav\",\"sha256\":\"" + declaredSha256 + "\"}";
    Http.Response created = server.http.post("/v1/uploads", token, declaration);
    assertThat(created.status()).isEqualTo(201);
    JsonNode body = created.json();
    long partSize = body.get("partSize").asLong();
    byte[] bytes = Files.readAllBytes(file);
    List<String> parts = new ArrayList<>();
    for (JsonNode part : body.get("parts")) {
      int n = part.get("partNumber").asInt();
      int from = (int) ((n - 1) * partSize);
      byte[] slice = java.util.Arrays.copyOfRange(bytes, from, (int) Math.min(bytes.length, from + partSize));
      HttpResponse<String> sent = send(part.get("url").asText(), part.get("headers"), slice);
      assertThat(sent.statusCode()).isEqualTo(200);
      parts.add("{\"partNumber\":" + n + ",\"etag\":" + Json.write(sent.headers().firstValue("ETag").orElseThrow())
          + "}");
    }
    assertThat(parts).hasSizeGreaterThan(1);
    Http.Response completed = server.http.post(body.get("complete").get("url").asText(), token,
        "{\"parts\":[" + String.join(",", parts) + "]}");
    assertThat(completed.status()).as(completed.raw().body()).isEqualTo(200);
    return completed.json();
  }

  private static String declare(Path file, String contentType, String visibility) throws Exception {
    return "{\"fileName\":" + Json.write(file.getFileName().toString()) + ",\"size\":" + Files.size(file)
        + ",\"contentType\":\"" + contentType + "\",\"sha256\":\"" + sha256(file) + "\""
        + (visibility == null ? "" : ",\"visibility\":\"" + visibility + "\"") + "}";
  }

  private static HttpResponse<String> put(JsonNode upload, byte[] bytes) throws Exception {
    return send(upload.get("url").asText(), upload.get("headers"), bytes);
  }

  /** A PUT with exactly the headers the API returned (Content-Length is the body's own, set by the client). */
  private static HttpResponse<String> send(String url, JsonNode headers, byte[] bytes) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
    for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> header = it.next();
      if (header.getKey().equalsIgnoreCase("Content-Length")) {
        assertThat(header.getValue().asLong()).isEqualTo(bytes.length == 0 ? 0 : header.getValue().asLong());
      } else {
        request.header(header.getKey(), header.getValue().asText());
      }
    }
    return S3.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode awaitFinal(String id, String token) throws InterruptedException {
    return UploadDriver.awaitFinal(server, id, token);
  }


  private static boolean awaitSuggested(String q, String token, String trackId) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode tracks = server.http.get("/v1/suggest?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), token)
          .json().get("tracks");
      for (JsonNode t : tracks) {
        if (t.get("id").asText().equals(trackId)) {
          return true;
        }
      }
      Thread.sleep(100);
    }
    return false;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> errorFields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }

  private static List<String> ids(JsonNode listing) {
    List<String> ids = new ArrayList<>();
    listing.get("items").forEach(u -> ids.add(u.get("uploadId").asText()));
    return ids;
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
