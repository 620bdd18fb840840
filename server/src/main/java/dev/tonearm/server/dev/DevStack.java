package dev.tonearm.server.dev;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import dev.tonearm.indexer.writer.LiveIndex;
import dev.tonearm.ingest.Ingest;
import dev.tonearm.localaws.LocalS3;
import dev.tonearm.localaws.S3MockProcess;
import dev.tonearm.server.App;
import dev.tonearm.server.Catalog;
import dev.tonearm.server.Readiness;
import dev.tonearm.server.auth.AccessTokenVerifier;
import dev.tonearm.server.auth.DevIssuer;
import dev.tonearm.server.config.ServerConfig;
import dev.tonearm.server.search.WriterIndex;
import dev.tonearm.server.tracks.Cursors;
import dev.tonearm.server.uploads.LocalIngest;
import dev.tonearm.server.uploads.UploadCatalog;
import dev.tonearm.server.uploads.UploadLimits;
import dev.tonearm.server.uploads.UploadRoutes;
import dev.tonearm.server.uploads.UploadService;
import dev.tonearm.server.uploads.UploadStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of the embedded default: DynamoDB Local (with streams) persisted in the data directory,
 * S3Mock as a child process, the embedded issuer, the server, and ingestion in-process (S3Mock sends no
 * notifications: {@link LocalIngest} notices uploaded files). Parts start in order and stop in reverse.
 */
public final class DevStack implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DevStack.class);
  private static final Duration LOCAL_INGEST_POLL = Duration.ofMillis(500);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private DevIssuer issuer;
  private App app;
  private S3MockProcess s3;
  private AmazonDynamoDBLocal dynamo;
  private DemoLoad demoLoad;

  /** What to start: where state lives, S3Mock's jar (or null to run without S3), and whether to seed the demo. */
  public record Options(ServerConfig config, Path s3MockJar, boolean loadDemoCatalog) {}

  private DevStack() {}

  private void boot(Options options) throws IOException {
    ServerConfig config = options.config();
    DataDir data = new DataDir(config.dataDir());
    Clock clock = Clock.systemUTC();
    try {
      Files.createDirectories(data.dynamoDb());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + data.dynamoDb(), e);
    }
    dynamo = DynamoDBEmbedded.create(data.dynamoDb().resolve("catalog.db").toFile());
    started.push(dynamo::shutdown);
    s3 = options.s3MockJar() == null ? null : S3MockProcess.launch(options.s3MockJar(), data.s3(),
        data.logs().resolve("s3mock.log"), List.of(config.mediaBucket(), config.indexBucket()));
    if (s3 != null) {
      started.push(s3);
    }
    issuer = DevIssuer.persistent(data.issuerKey(), clock).start();
    started.push(issuer);
    Catalog catalog = Catalog.dynamo(dynamo.dynamoDbClient(), config.table(), clock);
    LiveIndex index = LiveIndex.start(dynamo.dynamoDbClient(), dynamo.dynamoDbStreamsClient(), config.table(),
        data.index());
    started.push(index);
    Readiness readiness = new Readiness(Map.of("the catalog table is reachable", catalog.reachable(),
        "the search index has caught up with the catalog", index::caughtUp));
    Cursors cursors = new Cursors(data.cursorSecret());
    app = new App(catalog, new WriterIndex(index), new AccessTokenVerifier(issuer.settings()), cursors, readiness,
        clock, uploads(config, cursors, clock)).start(config.host(), config.port());
    started.push(app::stop);
    if (s3 != null) {
      s3.awaitReady();
      started.push(LocalIngest.start(Ingest.create(config.ingest(), LocalS3.client(s3.endpoint()),
          dynamo.dynamoDbClient(), clock), LOCAL_INGEST_POLL));
    }
    readiness.markStarted();
    if (options.loadDemoCatalog()) {
      demoLoad = DemoLoad.startIfNeeded(data, catalog.tracks(), clock);
      readiness.addDetail("demoCatalog", demoLoad::state);
      started.push(demoLoad);
    }
  }

  /** Uploads over S3Mock; without it, the upload routes answer 503. */
  private UploadRoutes uploads(ServerConfig config, Cursors cursors, Clock clock) {
    if (s3 == null) {
      return UploadRoutes.unavailable();
    }
    return new UploadRoutes(new UploadService(UploadCatalog.dynamo(dynamo.dynamoDbClient(), config.table(), clock),
        new UploadStorage(LocalS3.client(s3.endpoint()), LocalS3.presigner(s3.endpoint()), config.mediaBucket()),
        UploadLimits.withMax(config.uploadMaxBytes()), cursors, clock));
  }

  /** Starts every part; if one fails, those already started are stopped again. */
  public static DevStack start(Options options) {
    DevStack stack = new DevStack();
    try {
      stack.boot(options);
      return stack;
    } catch (IOException e) {
      stack.close();
      throw new UncheckedIOException("the dev stack could not start", e);
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  public int port() {
    return app.port();
  }

  /** Blocks until the demo catalog is in the table (at once when it was loaded by an earlier start). */
  public void awaitDemoCatalog() {
    if (demoLoad != null) {
      demoLoad.await();
    }
  }

  public DevIssuer issuer() {
    return issuer;
  }

  public AmazonDynamoDBLocal dynamo() {
    return dynamo;
  }

  public java.net.URI s3Endpoint() {
    return s3 == null ? null : s3.endpoint();
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        LOG.atWarn().setCause(e).log("a part of the dev stack did not stop cleanly");
      }
    }
  }
}
