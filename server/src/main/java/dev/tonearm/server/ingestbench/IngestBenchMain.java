package dev.tonearm.server.ingestbench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tonearm.ingest.corpus.CorpusEntry;
import dev.tonearm.ingest.corpus.TagReadBench;
import dev.tonearm.ingest.media.ToneGenerator;
import dev.tonearm.server.config.ServerConfig;
import dev.tonearm.server.dev.DevStack;
import dev.tonearm.server.http.Json;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * {@code ./tonearm ingest-bench <datasetsDir> [--minutes M]}: (1) boots the dev stack in a temporary directory,
 * generates an M-minute tagged FLAC with cover art (default 5), and times it through the HTTP API — POST
 * {@code /v1/uploads}, PUT to the presigned URL, poll until READY; (2) measures tag reads per second over the
 * audio corpora. Prints both with the machine's core count and load.
 */
public final class IngestBenchMain {
  static final String USAGE = "usage: ingest-bench <datasetsDir> [--minutes M]";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private IngestBenchMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || (args.length > 1 && (args.length != 3 || !args[1].equals("--minutes")))) {
      System.err.println(USAGE);
      System.exit(2);
    }
    int minutes = args.length == 3 ? Integer.parseInt(args[2]) : 5;
    // the poll of the upload's status would log a request line ten times a second
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(dev.tonearm.server.App.class))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    System.out.printf("machine: %d cores, load average %.2f%n", Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    Path scratch = Files.createTempDirectory("tonearm-ingest-bench");
    try {
      uploadToReady(scratch, minutes);
      Path audio = Path.of(args[0]).resolve("audio");
      if (Files.isDirectory(audio)) {
        System.out.println("tag reads over the audio corpora, one thread:");
        for (TagReadBench.Rate rate : TagReadBench.run(CorpusEntry.readAll(audio), scratch.resolve("tags"),
            "ffprobe")) {
          System.out.println("  " + rate);
        }
      } else {
        System.out.println("no audio corpora at " + audio + ": tag read rates skipped");
      }
    } finally {
      try (Stream<Path> files = Files.walk(scratch)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    System.exit(0);
  }

  private static void uploadToReady(Path scratch, int minutes) throws Exception {
    String jar = System.getProperty("tonearm.s3mock.jar");
    ServerConfig config = ServerConfig.from(Map.of(ServerConfig.DATA_DIR, scratch.resolve("data").toString(),
        ServerConfig.PORT, "0", "TONEARM_INGEST_WORK_DIR", scratch.resolve("work").toString()));
    Path flac = tone(scratch, minutes);
    try (DevStack stack = DevStack.start(new DevStack.Options(config, Path.of(jar), false))) {
      String base = "http://127.0.0.1:" + stack.port();
      String token = stack.issuer().accessToken("bench", false, Duration.ofHours(1));
      long begun = System.nanoTime();
      JsonNode upload = post(base + "/v1/uploads", token, "{\"fileName\":\"Hoppipolla.flac\",\"size\":"
          + Files.size(flac) + ",\"contentType\":\"audio/flac\",\"sha256\":\"" + sha256(flac) + "\"}");
      HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.get("url").asText()))
          .PUT(HttpRequest.BodyPublishers.ofFile(flac));
      upload.get("headers").fields().forEachRemaining(h -> {
        if (!h.getKey().equalsIgnoreCase("Content-Length")) {
          put.header(h.getKey(), h.getValue().asText());
        }
      });
      int status = HTTP.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      long uploaded = System.nanoTime();
      JsonNode done = awaitFinal(base + "/v1/uploads/" + upload.get("uploadId").asText(), token);
      long ready = System.nanoTime();
      System.out.printf("upload → READY, %d-minute FLAC (%.1f MB, tags and cover art): PUT %d in %.1f s, then"
          + " %s after %.1f s more; %.1f s in all%n", minutes, Files.size(flac) / 1e6, status,
          (uploaded - begun) / 1e9, done.get("status").asText(), (ready - uploaded) / 1e9, (ready - begun) / 1e9);
      if (!done.get("status").asText().equals("READY")) {
        System.out.println("  reason: " + done.get("reason").asText());
      }
    }
  }

  private static Path tone(Path scratch, int minutes) throws Exception {
    Path cover = scratch.resolve("cover.png");
    BufferedImage image = new BufferedImage(1200, 1200, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(new Color(40, 90, 160));
    g.fillRect(0, 0, 1200, 1200);
    g.dispose();
    ImageIO.write(image, "png", cover.toFile());
    return new ToneGenerator("ffmpeg").write(scratch.resolve("Hoppipolla.flac"), Duration.ofMinutes(minutes),
        Map.of("TITLE", "Hoppípolla", "ARTIST", "Sigur Rós", "ALBUM", "Takk...", "DATE", "2005",
            "TRACKNUMBER", "2", "TRACKTOTAL", "11", "GENRE", "Post-rock"), cover);
  }

  private static JsonNode post(String url, String token, String json) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("POST /v1/uploads answered " + response.statusCode() + ": " + response.body());
    }
    return Json.parse(response.body());
  }

  private static JsonNode awaitFinal(String url, String token) throws Exception {
    while (true) {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
          .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode upload = Json.parse(response.body());
      if (List.of("READY", "FAILED").contains(upload.get("status").asText())) {
        return upload;
      }
      Thread.sleep(100);
    }
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
