package dev.tonearm.server.bench;

import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackStatus;
import dev.tonearm.catalog.Visibility;
import dev.tonearm.localaws.LocalS3;
import dev.tonearm.server.Catalog;
import dev.tonearm.server.config.ServerConfig;
import dev.tonearm.server.dev.DevStack;
import dev.tonearm.server.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code ./tonearm bench-playback [--runs N]}: time to the first audio byte of a signed playlist over loopback.
 * Boots the embedded stack in a temporary directory (DynamoDB Local, S3Mock, the server with its {@code /media}
 * edge), transcodes 30 s of a sine with the ingestion contract's ffmpeg ladder, stores it in the media bucket, and
 * then, as a player would on one keep-alive connection, times: play endpoint → master playlist → first variant
 * playlist → its init segment → the first byte of its first media segment. Prints percentiles per step.
 */
public final class PlaybackBench {
  private static final String[] STEPS = {"play", "master", "variant", "init", "segment byte", "total"};

  private PlaybackBench() {}

  public static void main(String[] args) throws Exception {
    // The per-request access log would measure the terminal; warnings still show.
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(dev.tonearm.server.App.class))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    int runs = args.length == 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 200;
    Path dir = Files.createTempDirectory("tonearm-playback-bench");
    ServerConfig config = ServerConfig.from(Map.of(ServerConfig.PORT, "0", ServerConfig.DATA_DIR,
        dir.resolve("data").toString()));
    try (DevStack stack = DevStack.start(new DevStack.Options(config,
        Path.of(System.getProperty("tonearm.s3mock.jar")), false))) {
      String id = "bench-" + Long.toHexString(System.nanoTime());
      store(stack, config, id, transcode(dir.resolve("hls")));
      String token = stack.issuer().accessToken("bench", false, Duration.ofHours(1));
      String base = "http://127.0.0.1:" + stack.port();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      for (int warm = 0; warm < 20; warm++) {
        once(http, base, id, token);
      }
      long[][] samples = new long[STEPS.length][runs];
      for (int run = 0; run < runs; run++) {
        long[] steps = once(http, base, id, token);
        for (int s = 0; s < STEPS.length; s++) {
          samples[s][run] = steps[s];
        }
      }
      System.out.printf(Locale.ROOT, "time to first audio byte over loopback, %d runs (ms)%n", runs);
      for (int s = 0; s < STEPS.length; s++) {
        long[] sorted = samples[s].clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  %-13s p50 %6.2f  p90 %6.2f  p99 %6.2f  min %6.2f%n", STEPS[s],
            ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), sorted[0] / 1e6);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    // DynamoDB Local's shard-rollover thread is not a daemon and outlives its shutdown by minutes.
    System.exit(0);
  }

  /** One playback start; nanoseconds per step and in total. */
  private static long[] once(HttpClient http, String base, String id, String token) throws Exception {
    long[] t = new long[STEPS.length];
    long start = System.nanoTime();
    String master = Json.parse(text(http, base + "/v1/tracks/" + id + "/play", token)).get("url").asText();
    t[0] = System.nanoTime();
    String variant = URI.create(master).resolve(firstUri(text(http, master, null), false)).toString();
    t[1] = System.nanoTime();
    String playlist = text(http, variant, null);
    t[2] = System.nanoTime();
    text(http, URI.create(variant).resolve(firstUri(playlist, true)).toString(), null);
    t[3] = System.nanoTime();
    HttpResponse<InputStream> segment = http.send(HttpRequest.newBuilder(
        URI.create(variant).resolve(firstUri(playlist, false))).build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = segment.body()) {
      if (segment.statusCode() != 200 || body.read() < 0) {
        throw new IllegalStateException("segment answered " + segment.statusCode());
      }
      t[4] = System.nanoTime();
      body.transferTo(java.io.OutputStream.nullOutputStream());
    }
    long[] steps = new long[STEPS.length];
    long previous = start;
    for (int s = 0; s < 5; s++) {
      steps[s] = t[s] - previous;
      previous = t[s];
    }
    steps[5] = t[4] - start;
    return steps;
  }

  /** The first URI of a playlist: its {@code EXT-X-MAP} (init) or its first plain URI line. */
  private static String firstUri(String playlist, boolean init) {
    for (String line : playlist.split("\n")) {
      if (init && line.startsWith("#EXT-X-MAP:URI=\"")) {
        return line.substring(16, line.indexOf('"', 16));
      }
      if (!init && !line.isBlank() && !line.startsWith("#")) {
        return line.strip();
      }
    }
    throw new IllegalStateException("no URI in playlist:\n" + playlist);
  }

  private static String text(HttpClient http, String url, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static Path transcode(Path out) throws IOException, InterruptedException {
    Files.createDirectories(out);
    Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi",
        "-i", "sine=frequency=440:duration=30", "-map", "0:a", "-map", "0:a", "-map", "0:a", "-c:a", "aac",
        "-b:a:0", "96k", "-b:a:1", "192k", "-b:a:2", "320k", "-f", "hls", "-hls_time", "6",
        "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4",
        "-var_stream_map", "a:0,name:aac_96k a:1,name:aac_192k a:2,name:aac_320k", "-master_pl_name", "master.m3u8",
        "-hls_segment_filename", out + "/%v_%03d.m4s", out + "/%v.m3u8").inheritIO().start();
    if (!ffmpeg.waitFor(120, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
      throw new IllegalStateException("ffmpeg failed");
    }
    return out;
  }

  private static void store(DevStack stack, ServerConfig config, String id, Path hls) throws IOException {
    try (S3Client s3 = LocalS3.client(stack.s3Endpoint()); Stream<Path> files = Files.list(hls)) {
      for (Path file : files.toList()) {
        s3.putObject(b -> b.bucket(config.mediaBucket()).key("tracks/" + id + "/hls/" + file.getFileName()),
            RequestBody.fromFile(file));
      }
    }
    Instant now = Instant.now();
    Catalog.dynamo(stack.dynamo().dynamoDbClient(), config.table(), Clock.systemUTC()).tracks().create(new Track(id,
        "Sine", List.of("Sigur Rós"), null, null, null, List.of(), null, 30_000L, null, null, null,
        "bench-owner", Visibility.PUBLIC, null, Map.of("hls", "tracks/" + id + "/hls/master.m3u8"),
        TrackStatus.READY, now, now, 1, Rating.NONE, null));
  }

  private static double ms(long[] sorted, double quantile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }
}
