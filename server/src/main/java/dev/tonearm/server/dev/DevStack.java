package dev.tonearm.server.dev;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import dev.tonearm.indexer.writer.LiveIndex;
import dev.tonearm.ingest.Ingest;
import dev.tonearm.localaws.LocalS3;
import dev.tonearm.localaws.S3MockProcess;
import dev.tonearm.server.App;
import dev.tonearm.server.Catalog;
import dev.tonearm.server.Media;
import dev.tonearm.server.Readiness;
import dev.tonearm.server.auth.AccessTokenVerifier;
import dev.tonearm.server.auth.DevIssuer;
import dev.tonearm.server.config.ServerConfig;
import dev.tonearm.server.search.FollowedIndex;
import dev.tonearm.server.search.IndexAdmin;
import dev.tonearm.server.edge.S3MediaStore;
import dev.tonearm.server.playback.SigningKey;
import dev.tonearm.server.tracks.Cursors;
import dev.tonearm.snapshots.GenerationRestorer;
import dev.tonearm.snapshots.Manifest;
import dev.tonearm.snapshots.S3SnapshotStore;
import dev.tonearm.snapshots.SnapshotStore;
import dev.tonearm.server.uploads.LocalIngest;
import dev.tonearm.server.uploads.UploadCatalog;
import dev.tonearm.server.uploads.UploadLimits;
import dev.tonearm.server.uploads.UploadRoutes;
import dev.tonearm.server.uploads.UploadService;
import dev.tonearm.server.uploads.UploadStorage;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
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
  private LiveIndex writer;
  /** Unreferenced index files are deleted only this long after they were written: longer than any publish. */
  private static final Duration COLLECT_GRACE = Duration.ofMinutes(10);
  /** Generations kept in the local store: enough for a replica that fell a little behind. */
  private static final int KEEP_GENERATIONS = 10;

  /** What to start: where state lives, S3Mock's jar, and whether to seed the demo. */
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
    s3 = S3MockProcess.launch(options.s3MockJar(), data.s3(), data.logs().resolve("s3mock.log"),
        List.of(config.mediaBucket(), config.indexBucket()));
    started.push(s3);
    issuer = DevIssuer.persistent(data.issuerKey(), clock).start();
    started.push(issuer);
    Catalog catalog = Catalog.dynamo(dynamo.dynamoDbClient(), config.table(), clock);
    s3.awaitReady();
    StackFile.write(data.stackFile(), s3.endpoint());
    SnapshotStore store = indexStore(s3.endpoint(), config.indexBucket());
    // The one writer: starts from the newest published generation, publishes every commit.
    Optional<Manifest> restored = new GenerationRestorer(store).restoreForWriting(data.index());
    LiveIndex writer = LiveIndex.start(dynamo.dynamoDbClient(), dynamo.dynamoDbStreamsClient(), config.table(),
        data.index(), new GenerationPublishing(store, restored, KEEP_GENERATIONS, COLLECT_GRACE, clock));
    started.push(writer);
    this.writer = writer;
    // The server reads like any replica: from the published generations.
    FollowedIndex index = FollowedIndex.start(store, data.replica(), config.indexPoll());
    started.push(index);
    Readiness readiness = new Readiness(Map.of("the catalog table is reachable", catalog.reachable(),
        "the index writer has caught up with the catalog", writer::caughtUp,
        "an index generation is open", index::ready));
    readiness.addDetail("indexGeneration", index::generation);
    Cursors cursors = new Cursors(data.cursorSecret());
    app = new App(catalog, index, new AccessTokenVerifier(issuer.settings()), cursors, readiness, clock,
        media(config, data), new App.Extras(IndexAdmin.withWriter(writer::requestRebuild),
        uploads(config, cursors, clock))).start(config.host(), config.port());
    started.push(app::stop);
    started.push(LocalIngest.start(Ingest.create(config.ingest(), LocalS3.client(s3.endpoint()),
        dynamo.dynamoDbClient(), clock), LOCAL_INGEST_POLL));
    readiness.markStarted();
    if (options.loadDemoCatalog()) {
      demoLoad = DemoLoad.startIfNeeded(data, catalog.tracks(), clock);
      readiness.addDetail("demoCatalog", demoLoad::state);
      started.push(demoLoad);
    }
  }

  /** The media bucket in S3Mock and the signing key kept in the data directory (unless one is configured). */
  private Media media(ServerConfig config, DataDir data) {
    var client = LocalS3.client(s3.endpoint());
    started.push(client);
    return localMedia(config, data, client);
  }

  /** Media of a local server: the media bucket in the stack's S3 and the signing key of the data directory. */
  public static Media localMedia(ServerConfig config, DataDir data, software.amazon.awssdk.services.s3.S3Client s3) {
    SigningKey key = config.signingKey().orElseGet(() -> SigningKey.persistent(data.mediaSigningKey()));
    return new Media(new S3MediaStore(s3, config.mediaBucket()), key, config.mediaBaseUrl(), config.playbackExtra());
  }

  /** Uploads into the media bucket of the stack's S3. */
  private UploadRoutes uploads(ServerConfig config, Cursors cursors, Clock clock) {
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

  /** The local S3 store of index generations at {@code endpoint}. */
  public static SnapshotStore indexStore(URI endpoint, String bucket) {
    return new S3SnapshotStore(LocalS3.client(endpoint), bucket, "");
  }

  /** The in-process index writer (for a rebuild on request). */
  public LiveIndex writer() {
    return writer;
  }

  public DevIssuer issuer() {
    return issuer;
  }

  public AmazonDynamoDBLocal dynamo() {
    return dynamo;
  }

  public URI s3Endpoint() {
    return s3.endpoint();
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
