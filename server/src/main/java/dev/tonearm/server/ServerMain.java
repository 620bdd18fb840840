package dev.tonearm.server;

import dev.tonearm.server.auth.AccessTokenVerifier;
import dev.tonearm.server.auth.AuthSettings;
import dev.tonearm.server.config.ServerConfig;
import dev.tonearm.server.edge.S3MediaStore;
import dev.tonearm.server.tracks.Cursors;
import dev.tonearm.server.search.FollowedIndex;
import dev.tonearm.server.search.IndexAdmin;
import dev.tonearm.snapshots.S3SnapshotStore;
import dev.tonearm.server.uploads.UploadCatalog;
import dev.tonearm.server.uploads.UploadLimits;
import dev.tonearm.server.uploads.UploadRoutes;
import dev.tonearm.server.uploads.UploadService;
import dev.tonearm.server.uploads.UploadStorage;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The composition root of a server replica in AWS: real DynamoDB (or the endpoint configured), the Cognito
 * user pool named by the environment, and the index generations the stream Lambda publishes to the index bucket
 * (the replica never writes the index). The embedded stack for one machine is {@link dev.tonearm.server.dev.DevStack}.
 */
public final class ServerMain {
  private static final Logger LOG = LoggerFactory.getLogger(ServerMain.class);

  private ServerMain() {}

  public static void main(String[] args) throws IOException {
    ServerConfig config = ServerConfig.fromEnvironment();
    AuthSettings auth = new AuthSettings(
        config.authIssuer().orElseThrow(() -> missing(ServerConfig.AUTH_ISSUER)),
        config.authClientId().orElseThrow(() -> missing(ServerConfig.AUTH_CLIENT_ID)),
        config.authJwksUrl().orElseThrow(() -> missing(ServerConfig.AUTH_JWKS_URL)));
    byte[] secret = config.cursorSecret().orElseThrow(() -> missing(ServerConfig.CURSOR_SECRET));
    DynamoDbClientBuilder builder = DynamoDbClient.builder();
    config.dynamoEndpoint().ifPresent(builder::endpointOverride);
    Clock clock = Clock.systemUTC();
    DynamoDbClient catalogClient = builder.build();
    Catalog catalog = Catalog.dynamo(catalogClient, config.table(), clock);
    S3ClientBuilder s3 = S3Client.builder();
    config.s3Endpoint().ifPresent(endpoint -> s3.endpointOverride(endpoint).forcePathStyle(true));
    // A stateless replica: restores the newest index generation the writer published, then follows them.
    S3Client s3Client = s3.build();
    FollowedIndex index = FollowedIndex.start(new S3SnapshotStore(s3Client, config.indexBucket(), ""),
        config.dataDir().resolve("index-replica"), config.indexPoll());
    Readiness readiness = new Readiness(Map.of("the catalog table is reachable", catalog.reachable(),
        "an index generation is open", index::ready));
    readiness.addDetail("indexGeneration", index::generation);
    Media media = new Media(new S3MediaStore(s3Client, config.mediaBucket()),
        config.signingKey().orElseThrow(() -> missing(ServerConfig.SIGNING_PRIVATE_KEY)),
        Optional.of(config.mediaBaseUrl().orElseThrow(() -> missing(ServerConfig.MEDIA_BASE_URL))),
        config.playbackExtra());
    Cursors cursors = new Cursors(secret);
    App app = new App(catalog, index, new AccessTokenVerifier(auth), cursors, readiness, clock, media,
        new App.Extras(IndexAdmin.readOnly(), uploads(config, catalogClient, cursors, clock)))
        .start(config.host(), config.port());
    readiness.markStarted();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.stop();
      try {
        index.close();
      } catch (IOException e) {
        LOG.atWarn().setCause(e).log("the index did not close cleanly");
      }
    }, "shutdown"));
    LOG.atInfo().addKeyValue("port", app.port()).log("server ready");
  }

  /** Uploads into the media bucket; ingestion runs apart, as the ingest Lambda on the bucket's events. */
  private static UploadRoutes uploads(ServerConfig config, DynamoDbClient dynamo, Cursors cursors, Clock clock) {
    S3ClientBuilder s3 = S3Client.builder();
    S3Presigner.Builder presigner = S3Presigner.builder();
    config.s3Endpoint().ifPresent(endpoint -> {
      s3.endpointOverride(endpoint).forcePathStyle(true);
      presigner.endpointOverride(endpoint)
          .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
    });
    return new UploadRoutes(new UploadService(UploadCatalog.dynamo(dynamo, config.table(), clock),
        new UploadStorage(s3.build(), presigner.build(), config.mediaBucket()),
        UploadLimits.withMax(config.uploadMaxBytes()), cursors, clock));
  }

  private static IllegalStateException missing(String name) {
    return new IllegalStateException(name + " must be set");
  }
}
