package dev.tonearm.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tonearm.server.auth.DevIssuer;
import dev.tonearm.server.config.ServerConfig;
import dev.tonearm.server.dev.DataDir;
import dev.tonearm.server.http.Json;
import dev.tonearm.server.http.Problem;
import dev.tonearm.server.imports.ImportRows;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * {@code ./tonearm import <file>}: reads a CSV or JSON file locally and sends it to the running server's
 * {@code POST /v1/admin/import} in chunks, with a progress bar over the file's bytes. Per-row errors come back
 * numbered as rows of the whole file. The token is {@code TONEARM_TOKEN}, else a dev admin token.
 */
final class ImportCommand {
  static final int CHUNK_ROWS = 1000;
  static final int MAX_PRINTED_ERRORS = 20;

  private ImportCommand() {}

  static void run(List<String> args) throws IOException, InterruptedException {
    if (args.size() != 1) {
      Cli.fail("import takes one file\n" + Cli.USAGE);
    }
    Path file = Path.of(args.getFirst());
    if (!Files.isRegularFile(file)) {
      Cli.fail("no such file: " + file);
    }
    ImportRows.Format format = ImportRows.formatOf(file.getFileName().toString());
    ServerConfig config = ServerConfig.fromEnvironment();
    Uploader uploader = new Uploader(URI.create(System.getenv().getOrDefault("TONEARM_URL",
        "http://127.0.0.1:" + config.port())), token(config));
    Totals totals = new Totals();
    ArrayNode chunk = JsonNodeFactory.instance.arrayNode();
    ProgressBarBuilder bar = new ProgressBarBuilder().setTaskName("Importing " + file.getFileName())
        .setStyle(ProgressBarStyle.ASCII).setUnit(" KiB", 1024).setInitialMax(Files.size(file));
    try (InputStream in = ProgressBar.wrap(Files.newInputStream(file), bar)) {
      ImportRows.read(in, format, (row, node) -> {
        chunk.add(node);
        if (chunk.size() == CHUNK_ROWS) {
          totals.add(uploader.send(chunk), row - chunk.size());
          chunk.removeAll();
        }
      });
      if (!chunk.isEmpty()) {
        totals.add(uploader.send(chunk), totals.rowsSent);
      }
    } catch (Problem p) {
      Cli.fail("cannot import " + file + ": " + p.detail());
    }
    System.out.printf("imported %d tracks, %d rows refused%n", totals.imported, totals.failed);
    totals.errors.forEach(System.out::println);
    if (totals.failed > totals.errors.size()) {
      System.out.printf("… and %d more refused rows%n", totals.failed - totals.errors.size());
    }
  }

  private static String token(ServerConfig config) {
    String given = System.getenv("TONEARM_TOKEN");
    if (given != null && !given.isBlank()) {
      return given.strip();
    }
    return DevIssuer.persistent(new DataDir(config.dataDir()).issuerKey(), Clock.systemUTC())
        .accessToken("admin", true, Duration.ofHours(1));
  }

  /** Running sums over the chunks, with row numbers shifted to the whole file. */
  private static final class Totals {
    int imported;
    int failed;
    int rowsSent;
    final List<String> errors = new java.util.ArrayList<>();

    void add(JsonNode result, int rowOffset) {
      imported += result.path("imported").asInt();
      failed += result.path("failed").asInt();
      rowsSent = rowOffset + CHUNK_ROWS;
      for (JsonNode error : result.path("errors")) {
        if (errors.size() < MAX_PRINTED_ERRORS) {
          errors.add("  row " + (rowOffset + error.path("row").asInt()) + ": " + error.path("errors"));
        }
      }
    }
  }

  private record Uploader(URI base, String token) {
    JsonNode send(ArrayNode rows) {
      HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/admin/import"))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .timeout(Duration.ofMinutes(5))
          .POST(HttpRequest.BodyPublishers.ofString(Json.write(rows))).build();
      try (HttpClient http = HttpClient.newHttpClient()) {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          Cli.fail("\nthe server refused the import (" + response.statusCode() + "): " + response.body());
        }
        return Json.parse(response.body());
      } catch (ConnectException down) {
        Cli.fail("\nno Tonearm server at " + base + ": start it with ./tonearm dev (or set TONEARM_URL)");
        return null;
      } catch (IOException e) {
        Cli.fail("\nthe import request failed: " + e.getMessage());
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
