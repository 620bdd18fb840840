package dev.tonearm.server.dev;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import dev.tonearm.indexer.writer.LiveIndex;
import dev.tonearm.localaws.LocalS3;
import dev.tonearm.localaws.S3MockProcess;
import dev.tonearm.server.App;
import dev.tonearm.server.Catalog;
import dev.tonearm.server.Media;
import dev.tonearm.server.Readiness;
import dev.tonearm.server.auth.AccessTokenVerifier;
import dev.tonearm.server.auth.DevIssuer;
import dev.tonearm.server.config.ServerConfig;
import dev.tonearm.server.edge.MediaStore;
import dev.tonearm.server.edge.S3MediaStore;
import dev.tonearm.server.playback.SigningKey;
import dev.tonearm.server.search.WriterIndex;
import dev.tonearm.server.tracks.Cursors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of the embedded default: DynamoDB Local (with streams) persisted in the data directory,
 * S3Mock as a child process, the embedded issuer, and the server. Parts start in order and stop in reverse.
 */
public final class DevStack implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DevStack.class);

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
    app = new App(catalog, new WriterIndex(index), new AccessTokenVerifier(issuer.settings()),
        new Cursors(data.cursorSecret()), readiness, clock, media(config, data)).start(config.host(), config.port());
    started.push(app::stop);
    if (s3 != null) {
      s3.awaitReady();
    }
    readiness.markStarted();
    if (options.loadDemoCatalog()) {
      demoLoad = DemoLoad.startIfNeeded(data, catalog.tracks(), clock);
      readiness.addDetail("demoCatalog", demoLoad::state);
      started.push(demoLoad);
    }
  }

  /** The media bucket in S3Mock and the signing key kept in the data directory (unless one is configured). */
  private Media media(ServerConfig config, DataDir data) {
    MediaStore store = MediaStore.none();
    if (s3 != null) {
      var client = LocalS3.client(s3.endpoint());
      started.push(client);
      store = new S3MediaStore(client, config.mediaBucket());
    }
    SigningKey key = config.signingKey().orElseGet(() -> SigningKey.persistent(data.mediaSigningKey()));
    return new Media(store, key, config.mediaBaseUrl(), config.playbackExtra());
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
