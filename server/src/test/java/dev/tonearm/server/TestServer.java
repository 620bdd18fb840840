package dev.tonearm.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import dev.tonearm.server.auth.AccessTokenVerifier;
import dev.tonearm.server.auth.AuthSettings;
import dev.tonearm.server.auth.DevIssuer;
import dev.tonearm.server.tracks.Cursors;
import dev.tonearm.indexer.writer.LiveIndex;
import dev.tonearm.server.search.WriterIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.time.Duration;

/**
 * A real server on a loopback port over an in-memory DynamoDB Local, trusting an embedded issuer: what the
 * HTTP tests talk to. One per test class.
 */
public final class TestServer implements AutoCloseable {
  public final AmazonDynamoDBLocal dynamo;
  public final DevIssuer issuer;
  public final Catalog catalog;
  public final App app;
  public final Http http;
  public final LiveIndex index;
  public final Media media;
  private final Path indexDir;

  public TestServer() {
    this(null);
  }

  /** A server trusting {@code trusted} instead of its own embedded issuer (which still runs). */
  public TestServer(AuthSettings trusted) {
    this(trusted, Media.withoutStorage());
  }

  /** A server with {@code media} behind its playback routes and its {@code /media} edge. */
  public TestServer(AuthSettings trusted, Media media) {
    this.media = media;
    Clock clock = Clock.systemUTC();
    dynamo = DynamoDBEmbedded.create();
    issuer = DevIssuer.ephemeral(clock).start();
    catalog = Catalog.dynamo(dynamo.dynamoDbClient(), "catalog", clock);
    try {
      // under the build directory, where no other process cleans up behind the test's back
      indexDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-indexes")), "index");
      index = LiveIndex.start(dynamo.dynamoDbClient(), dynamo.dynamoDbStreamsClient(), "catalog", indexDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Readiness readiness = new Readiness(Map.of("catalog", catalog.reachable(), "index", index::caughtUp));
    app = new App(catalog, new WriterIndex(index), new AccessTokenVerifier(trusted != null ? trusted : issuer.settings()),
        new Cursors(new byte[32]), readiness, clock, media).start("127.0.0.1", 0);
    readiness.markStarted();
    http = new Http("http://127.0.0.1:" + app.port());
  }

  public String token(String user) {
    return issuer.accessToken(user, false, Duration.ofMinutes(10));
  }

  public String adminToken(String user) {
    return issuer.accessToken(user, true, Duration.ofMinutes(10));
  }

  /** Creates a track through the API and returns it; fails the test unless the answer is 201. */
  public JsonNode createTrack(String token, String json) {
    Http.Response created = http.post("/v1/tracks", token, json);
    if (created.status() != 201) {
      throw new AssertionError("expected 201, got " + created.status() + ": " + created.raw().body());
    }
    return created.json();
  }

  @Override
  public void close() {
    app.stop();
    try {
      index.close();
      try (var files = Files.walk(indexDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    issuer.close();
    dynamo.shutdown();
  }
}
