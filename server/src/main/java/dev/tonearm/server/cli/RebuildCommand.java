package dev.tonearm.server.cli;

import dev.tonearm.server.auth.DevIssuer;
import dev.tonearm.server.config.ServerConfig;
import dev.tonearm.server.dev.DataDir;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * {@code ./tonearm rebuild}: asks the running server's index writer for a full rebuild from the table
 * ({@code POST /v1/admin/index/rebuild}). The rebuild runs in the one writer, so it never races stream updates.
 * The server is {@code TONEARM_URL} (default the local dev stack), the token {@code TONEARM_TOKEN} or a dev
 * admin token.
 */
final class RebuildCommand {
  private RebuildCommand() {}

  static void run(List<String> args) throws IOException, InterruptedException {
    if (!args.isEmpty()) {
      Cli.fail("rebuild takes no arguments\n" + Cli.USAGE);
    }
    ServerConfig config = ServerConfig.fromEnvironment();
    URI base = URI.create(System.getenv().getOrDefault("TONEARM_URL", "http://127.0.0.1:" + config.port()));
    String token = System.getenv().getOrDefault("TONEARM_TOKEN", "").strip();
    if (token.isEmpty()) {
      token = DevIssuer.persistent(new DataDir(config.dataDir()).issuerKey(), Clock.systemUTC())
          .accessToken("admin", true, Duration.ofMinutes(5));
    }
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/admin/index/rebuild"))
        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody())
        .timeout(Duration.ofSeconds(30)).build();
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 202) {
        Cli.fail("the server refused the rebuild (" + response.statusCode() + "): " + response.body());
      }
      System.out.println("Rebuild started: the writer scans the table into a new lineage and publishes it as the "
          + "next generation. " + base.resolve("/ready") + " shows indexGeneration move on.");
    } catch (ConnectException e) {
      Cli.fail("no server answers at " + base + ": start it with ./tonearm dev (or set TONEARM_URL)");
    }
  }
}
