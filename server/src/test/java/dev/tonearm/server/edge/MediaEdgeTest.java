package dev.tonearm.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.Visibility;
import dev.tonearm.server.Http;
import dev.tonearm.server.MediaFixture;
import dev.tonearm.server.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The local edge over real HTTP, with real HLS from ffmpeg in S3Mock: signed URLs from the play endpoint, the
 * playlists they open, every URI inside them, byte ranges, content types, CORS, and tampered paths.
 */
class MediaEdgeTest {
  private static MediaFixture media;
  private static Track beatles;
  private static Track motorhead;
  private static String master;

  @BeforeAll
  static void start() {
    media = new MediaFixture();
    beatles = media.hlsTrack("alice", Visibility.PUBLIC);
    motorhead = media.hlsTrack("bob", Visibility.PUBLIC);
    master = play(beatles);
  }

  @AfterAll
  static void stop() {
    media.close();
  }

  @Test
  void the_master_playlist_hands_its_signature_to_every_variant_and_each_variant_to_its_init_and_segments()
      throws IOException {
    HttpResponse<byte[]> response = get(master, Map.of());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.apple.mpegurl");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, no-store");
    String query = master.substring(master.indexOf('?') + 1);
    List<String> variants = uris(new String(response.body(), StandardCharsets.UTF_8));
    assertThat(variants).containsExactly("aac_96k.m3u8?" + query, "aac_192k.m3u8?" + query, "aac_320k.m3u8?" + query);
    int fetched = 0;
    for (String variant : variants) {
      String variantUrl = resolve(master, variant);
      String playlist = new String(get(variantUrl, Map.of()).body(), StandardCharsets.UTF_8);
      assertThat(playlist).contains("#EXT-X-MAP:URI=\"init_").contains("#EXT-X-ENDLIST");
      for (String uri : uris(playlist)) {
        assertThat(uri).endsWith("?" + query);
        HttpResponse<byte[]> file = get(resolve(variantUrl, uri), Map.of());
        assertThat(file.statusCode()).as(uri).isEqualTo(200);
        String name = uri.substring(0, uri.indexOf('?'));
        assertThat(file.body()).isEqualTo(Files.readAllBytes(MediaFixture.hlsLadder().resolve(name)));
        assertThat(file.headers().firstValue("Content-Type"))
            .hasValue(name.endsWith(".mp4") ? "audio/mp4" : "video/iso.segment");
        fetched++;
      }
    }
    assertThat(fetched).isEqualTo(3 * (1 + 4)); // an init file and four segments per variant
  }

  @Test
  void a_segment_without_the_signature_is_forbidden_as_a_problem_document_that_a_browser_may_read() {
    String unsigned = master.substring(0, master.indexOf('?')).replace("master.m3u8", "aac_96k_000.m4s");
    HttpResponse<byte[]> response = get(unsigned, Map.of());
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(Json.parse(new String(response.body(), StandardCharsets.UTF_8)).get("status").asInt()).isEqualTo(403);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
  }

  @Test
  void a_signature_for_one_track_opens_nothing_of_another() {
    String other = master.replace(beatles.id(), motorhead.id());
    assertThat(get(other, Map.of()).statusCode()).isEqualTo(403);
    assertThat(get(master.replace("/hls/master.m3u8", "/original.flac"), Map.of()).statusCode()).isEqualTo(403);
  }

  @TestFactory
  Stream<DynamicTest> tampered_paths_are_forbidden_before_anything_is_read() {
    String query = master.substring(master.indexOf('?'));
    String dir = "/media/tracks/" + beatles.id() + "/hls/";
    Map<String, String> paths = new LinkedHashMap<>();
    paths.put("dot-dot out of the directory", dir + "../original.flac");
    paths.put("dot-dot staying inside", dir + "x/../aac_96k.m3u8");
    paths.put("dot segment", dir + "./aac_96k.m3u8");
    paths.put("encoded slash %2F", dir + "x%2F..%2Faac_96k.m3u8");
    paths.put("encoded slash %2f", dir + "x%2f..%2faac_96k.m3u8");
    paths.put("encoded dots", dir + "%2e%2e/original.flac");
    paths.put("encoded dots, upper case", dir + "%2E%2E/original.flac");
    paths.put("encoded letter", dir + "aac_96k.m3u%38");
    paths.put("empty segment", dir + "/aac_96k.m3u8");
    paths.put("encoded backslash", dir + "x%5C..%5Caac_96k.m3u8");
    paths.put("path parameter", dir + "aac_96k.m3u8;jsessionid=1");
    paths.put("no key at all", "/media/");
    paths.put("the bucket's root", "/media//");
    return paths.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
      RawResponse response = raw("GET", e.getValue() + query);
      assertThat(response.status()).as(response.toString()).isEqualTo(403);
      assertThat(response.header("content-type")).startsWith("application/problem+json");
    }));
  }

  @Test
  void the_edge_root_itself_is_no_object() throws IOException {
    String query = master.substring(master.indexOf('?'));
    assertThat(raw("GET", "/media" + query).status()).isIn(403, 404);
  }

  @Test
  void a_nul_byte_is_refused_by_the_http_parser_before_routing() throws IOException {
    String query = master.substring(master.indexOf('?'));
    assertThat(raw("GET", "/media/tracks/" + beatles.id() + "/hls/aac_96k.m3u8%00" + query).status()).isEqualTo(400);
  }

  @Test
  void byte_ranges_are_answered_with_206_and_unsatisfiable_ones_with_416() throws IOException {
    byte[] segment = Files.readAllBytes(MediaFixture.hlsLadder().resolve("aac_192k_001.m4s"));
    String url = sibling("aac_192k_001.m4s");

    HttpResponse<byte[]> middle = get(url, Map.of("Range", "bytes=100-199"));
    assertThat(middle.statusCode()).isEqualTo(206);
    assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + segment.length);
    assertThat(middle.headers().firstValue("Content-Length")).hasValue("100");
    assertThat(middle.body()).isEqualTo(java.util.Arrays.copyOfRange(segment, 100, 200));

    HttpResponse<byte[]> tail = get(url, Map.of("Range", "bytes=-10"));
    assertThat(tail.statusCode()).isEqualTo(206);
    assertThat(tail.body()).isEqualTo(java.util.Arrays.copyOfRange(segment, segment.length - 10, segment.length));

    HttpResponse<byte[]> open = get(url, Map.of("Range", "bytes=" + (segment.length - 5) + "-"));
    assertThat(open.headers().firstValue("Content-Range"))
        .hasValue("bytes " + (segment.length - 5) + "-" + (segment.length - 1) + "/" + segment.length);

    HttpResponse<byte[]> beyond = get(url, Map.of("Range", "bytes=" + segment.length + "-"));
    assertThat(beyond.statusCode()).isEqualTo(416);
    assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + segment.length);

    HttpResponse<byte[]> whole = get(url, Map.of());
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.headers().firstValue("Content-Length")).hasValue(Integer.toString(segment.length));
    assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
    assertThat(whole.headers().firstValue("ETag")).isPresent();

    HttpResponse<byte[]> severalRanges = get(url, Map.of("Range", "bytes=0-1,5-6"));
    assertThat(severalRanges.statusCode()).isEqualTo(200); // ignored, as RFC 9110 allows
  }

  @Test
  void originals_and_downloads_carry_their_audio_types() {
    String original = downloadUrl(beatles); // download.mp3
    HttpResponse<byte[]> mp3 = get(original, Map.of());
    assertThat(mp3.statusCode()).isEqualTo(200);
    assertThat(mp3.headers().firstValue("Content-Type")).hasValue("audio/mpeg");

    Track flacOnly = media.originalOnly("alice", Visibility.PUBLIC, "fLaC".getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> played = get(play(flacOnly), Map.of());
    assertThat(played.headers().firstValue("Content-Type")).hasValue("audio/mpeg"); // original.mp3
    assertThat(played.body()).isEqualTo("fLaC".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void a_signed_url_of_a_missing_object_is_a_404() {
    HttpResponse<byte[]> response = get(sibling("aac_96k_999.m4s"), Map.of());
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
  }

  @Test
  void a_player_on_another_origin_may_fetch_with_a_range_after_its_preflight() {
    HttpResponse<byte[]> preflight = send("OPTIONS", sibling("aac_96k_000.m4s"),
        Map.of("Origin", "https://app.tonearm.test", "Access-Control-Request-Method", "GET",
            "Access-Control-Request-Headers", "range"));
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValue("Range");
    HttpResponse<byte[]> get = get(sibling("aac_96k_000.m4s"), Map.of("Origin", "https://app.tonearm.test"));
    assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(get.headers().firstValue("Access-Control-Expose-Headers").orElseThrow()).contains("Content-Range");
  }

  @Test
  void head_answers_the_headers_alone() {
    HttpResponse<byte[]> head = send("HEAD", sibling("init_0.mp4"), Map.of());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Length")).hasValue("765");
    assertThat(head.body()).isEmpty();
  }

  // --- helpers ---

  private static String play(Track track) {
    Http.Response play = media.server.http.get("/v1/tracks/" + track.id() + "/play", media.server.token("alice"));
    assertThat(play.status()).as(play.raw().body()).isEqualTo(200);
    return play.json().get("url").asText();
  }

  private static String downloadUrl(Track track) {
    return media.server.http.get("/v1/tracks/" + track.id() + "/download", media.server.token("alice")).json()
        .get("url").asText();
  }

  /** A file beside the master playlist, with the master's signature. */
  private static String sibling(String name) {
    return master.replace("master.m3u8", name);
  }

  private static List<String> uris(String playlist) {
    List<String> uris = new ArrayList<>();
    for (String line : playlist.split("\n")) {
      if (line.startsWith("#EXT-X-MAP:URI=\"")) {
        uris.add(line.substring("#EXT-X-MAP:URI=\"".length(), line.length() - 1));
      } else if (!line.isBlank() && !line.startsWith("#")) {
        uris.add(line);
      }
    }
    return uris;
  }

  private static String resolve(String base, String relative) {
    return URI.create(base).resolve(relative).toString();
  }

  private static HttpResponse<byte[]> get(String url, Map<String, String> headers) {
    return send("GET", url, headers);
  }

  private static HttpResponse<byte[]> send(String method, String url, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
    headers.forEach(request::header);
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response read off a plain socket. */
  private record RawResponse(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.getOrDefault(name, "");
    }
  }

  /** Sends the request target byte for byte: no client library normalizes the dots and escapes away. */
  private static RawResponse raw(String method, String target) throws IOException {
    URI base = URI.create(master);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write((method + " " + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      String[] headAndBody = response.split("\r\n\r\n", 2);
      String[] lines = headAndBody[0].split("\r\n");
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(lines[i].substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT), lines[i].substring(colon + 1).strip());
      }
      return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, headAndBody.length > 1 ? headAndBody[1] : "");
    }
  }
}
