package dev.tonearm.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tonearm.server.auth.DevIssuer;
import dev.tonearm.server.config.ServerConfig;
import dev.tonearm.server.dev.DataDir;
import dev.tonearm.server.http.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code ./tonearm bench-freshness}: how long a write through the API takes to become searchable, on the server
 * that took it and on a second replica ({@code ./tonearm replica}). Each write creates a track with a unique
 * word in its title; both servers' {@code /v1/suggest} are polled every 10 ms until it appears.
 */
public final class FreshnessBench {
  static final String USAGE = "usage: bench-freshness [--writes N] [--primary URL] [--replica URL]";
  private static final Duration GIVE_UP = Duration.ofSeconds(30);

  private FreshnessBench() {}

  public static void main(String[] args) throws Exception {
    int writes = 50;
    URI primary = URI.create("http://127.0.0.1:8080");
    URI replica = URI.create("http://127.0.0.1:8081");
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--writes" -> writes = Integer.parseInt(args[i + 1]);
        case "--primary" -> primary = URI.create(args[i + 1]);
        case "--replica" -> replica = URI.create(args[i + 1]);
        default -> throw new IllegalArgumentException(USAGE);
      }
    }
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException(USAGE);
    }
    String token = DevIssuer.persistent(new DataDir(ServerConfig.fromEnvironment().dataDir()).issuerKey(),
        Clock.systemUTC()).accessToken("freshness-bench", false, Duration.ofHours(1));
    double[] onPrimary = new double[writes];
    double[] onReplica = new double[writes];
    try (HttpClient http = HttpClient.newHttpClient()) {
      for (int i = 0; i < writes; i++) {
        String word = "fresh" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        long began = System.nanoTime();
        send(http, HttpRequest.newBuilder(primary.resolve("/v1/tracks")).header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + word + " song\",\"artists\":[\"Freshness\"]}"))
            .build(), 201);
        double[] seen = awaitBoth(http, token, primary, replica, word, began);
        onPrimary[i] = seen[0];
        onReplica[i] = seen[1];
      }
    }
    report("write -> searchable on the server that took it", onPrimary);
    report("write -> searchable on the second replica", onReplica);
  }

  /** Milliseconds until each server's suggest finds {@code word}. */
  private static double[] awaitBoth(HttpClient http, String token, URI primary, URI replica, String word,
      long began) throws Exception {
    double[] seen = {-1, -1};
    URI[] servers = {primary, replica};
    while (seen[0] < 0 || seen[1] < 0) {
      for (int s = 0; s < 2; s++) {
        if (seen[s] < 0 && finds(http, token, servers[s], word)) {
          seen[s] = (System.nanoTime() - began) / 1e6;
        }
      }
      if (System.nanoTime() - began > GIVE_UP.toNanos()) {
        throw new IllegalStateException("'" + word + "' not searchable on both servers after " + GIVE_UP);
      }
      Thread.sleep(10);
    }
    return seen;
  }

  private static boolean finds(HttpClient http, String token, URI server, String word) throws Exception {
    HttpResponse<String> response = send(http, HttpRequest.newBuilder(server.resolve("/v1/suggest?q="
        + URLEncoder.encode(word, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + token).build(), 200);
    JsonNode body = Json.MAPPER.readTree(response.body());
    return body.path("tracks").size() > 0;
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest request, int expected) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return response;
  }

  private static void report(String what, double[] ms) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    System.out.println(String.format(Locale.ROOT, "%s: p50 %.0f ms, p95 %.0f ms, max %.0f ms (%d writes)", what,
        percentile(sorted, 0.50), percentile(sorted, 0.95), sorted[sorted.length - 1], sorted.length));
  }

  private static double percentile(double[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }
}
