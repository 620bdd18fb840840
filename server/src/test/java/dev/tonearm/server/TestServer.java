package dev.tonearm.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import dev.tonearm.server.auth.AccessTokenVerifier;
import dev.tonearm.server.edge.S3MediaStore;
import dev.tonearm.server.playback.SigningKey;
import dev.tonearm.server.search.IndexAdmin;
import java.util.Optional;
import dev.tonearm.server.auth.AuthSettings;
import dev.tonearm.server.auth.DevIssuer;
import dev.tonearm.server.tracks.Cursors;
import dev.tonearm.indexer.writer.LiveIndex;
import dev.tonearm.ingest.Ingest;
import dev.tonearm.ingest.IngestConfig;
import dev.tonearm.localaws.LocalS3;
import dev.tonearm.server.uploads.LocalIngest;
import dev.tonearm.server.uploads.UploadCatalog;
import dev.tonearm.server.uploads.UploadLimits;
import dev.tonearm.server.uploads.UploadRoutes;
import dev.tonearm.server.uploads.UploadService;
import dev.tonearm.server.uploads.UploadStorage;
import dev.tonearm.server.search.WriterIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.time.Duration;
import software.amazon.awssdk.services.s3.S3Client;

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
  /** With {@link #withUploads}: the media bucket in the JVM's S3Mock and a client for it; else null. */
  public final String mediaBucket;
  public final S3Client s3;
  private final Path indexDir;
  private final LocalIngest ingest;

  public TestServer() {
    this(null);
  }

  /** A server trusting {@code trusted} instead of its own embedded issuer (which still runs). */
  public TestServer(AuthSettings trusted) {
    this(trusted, Media.withoutStorage(), null);
  }

  /** A server with {@code media} behind its playback routes and its {@code /media} edge. */
  public TestServer(AuthSettings trusted, Media media) {
    this(trusted, media, null);
  }

  /**
   * A server with uploads into a fresh bucket of the JVM's S3Mock, within {@code limits}, and ingestion
   * in-process (real ffmpeg), its local event source polling every 200 ms; playback and {@code /media} serve
   * the same bucket.
   */
  public static TestServer withUploads(UploadLimits limits) {
    return new TestServer(null, null, limits);
  }

  private TestServer(AuthSettings trusted, Media givenMedia, UploadLimits uploadLimits) {
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
    Cursors cursors = new Cursors(new byte[32]);
    UploadRoutes uploads = UploadRoutes.unavailable();
    if (uploadLimits != null) {
      LocalS3 local = LocalS3.shared();
      mediaBucket = local.freshBucket("media");
      s3 = LocalS3.client(local.endpoint());
      uploads = new UploadRoutes(new UploadService(UploadCatalog.dynamo(dynamo.dynamoDbClient(), "catalog", clock),
          new UploadStorage(s3, LocalS3.presigner(local.endpoint()), mediaBucket), uploadLimits, cursors, clock));
      IngestConfig config = IngestConfig.from(Map.of(IngestConfig.TABLE, "catalog",
          IngestConfig.MEDIA_BUCKET, mediaBucket, IngestConfig.WORK_DIR, "target/ingest-work"));
      ingest = LocalIngest.start(Ingest.create(config, s3, dynamo.dynamoDbClient(), clock), Duration.ofMillis(200));
      media = new Media(new S3MediaStore(s3, mediaBucket), SigningKey.generate(), Optional.empty(),
          Media.DEFAULT_PLAYBACK_EXTRA);
    } else {
      mediaBucket = null;
      s3 = null;
      ingest = null;
      media = givenMedia;
    }
    app = new App(catalog, new WriterIndex(index), new AccessTokenVerifier(trusted != null ? trusted : issuer.settings()),
        cursors, readiness, clock, media, new App.Extras(IndexAdmin.readOnly(), uploads)).start("127.0.0.1", 0);
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

  /**
   * Waits until the index holds at least {@code tracks} tracks (as an admin's search counts them); the index follows
   * the table's stream within a second. Fails the test after 5 s.
   */
  public void awaitIndexed(int tracks) {
    String admin = adminToken("index-watcher");
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (true) {
      Http.Response response = http.get("/v1/search?limit=1", admin);
      int indexed = response.status() == 200 ? response.json().get("total").asInt() : 0;
      if (indexed >= tracks) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the index holds " + indexed + " tracks after 5 s, expected " + tracks);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Override
  public void close() {
    app.stop();
    if (ingest != null) {
      ingest.close();
      s3.close();
    }
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
