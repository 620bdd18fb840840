package dev.tonearm.server.cli;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import dev.tonearm.localaws.LocalS3;
import dev.tonearm.server.App;
import dev.tonearm.server.Catalog;
import dev.tonearm.server.Readiness;
import dev.tonearm.server.auth.AccessTokenVerifier;
import dev.tonearm.server.auth.DevIssuer;
import dev.tonearm.server.config.ServerConfig;
import dev.tonearm.server.dev.DataDir;
import dev.tonearm.server.dev.DevStack;
import dev.tonearm.server.dev.StackFile;
import dev.tonearm.server.search.FollowedIndex;
import dev.tonearm.server.search.IndexAdmin;
import dev.tonearm.server.tracks.Cursors;
import dev.tonearm.server.uploads.UploadCatalog;
import dev.tonearm.server.uploads.UploadLimits;
import dev.tonearm.server.uploads.UploadRoutes;
import dev.tonearm.server.uploads.UploadService;
import dev.tonearm.server.uploads.UploadStorage;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./tonearm replica}: one more server against the running dev stack, shaped like a replica in AWS: it
 * restores the newest index generation from the stack's S3 and follows new ones, never writing the index. It
 * shares the stack's catalog (DynamoDB Local's database file), its media bucket (uploads it accepts are ingested
 * by the stack's worker) and trusts its issuer (the same key). Its port is
 * {@code TONEARM_PORT}, default 8081.
 */
final class ReplicaCommand {
  private ReplicaCommand() {}

  static void run(List<String> args) throws IOException, InterruptedException {
    if (!args.isEmpty()) {
      Cli.fail("replica takes no arguments (set TONEARM_PORT for its port)\n" + Cli.USAGE);
    }
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putIfAbsent(ServerConfig.PORT, "8081");
    ServerConfig config = ServerConfig.from(env);
    DataDir data = new DataDir(config.dataDir());
    URI s3 = StackFile.s3Endpoint(data.stackFile()).filter(ReplicaCommand::answers).orElse(null);
    if (s3 == null) {
      Cli.fail("no running dev stack uses " + config.dataDir().toAbsolutePath() + ": start ./tonearm dev first");
    }
    Clock clock = Clock.systemUTC();
    AmazonDynamoDBLocal dynamo = DynamoDBEmbedded.create(data.dynamoDb().resolve("catalog.db").toFile());
    DevIssuer issuer = DevIssuer.persistent(data.issuerKey(), clock).start();
    Catalog catalog = Catalog.dynamo(dynamo.dynamoDbClient(), config.table(), clock);
    FollowedIndex index = FollowedIndex.start(DevStack.indexStore(s3, config.indexBucket()),
        data.root().resolve("replicas").resolve(Integer.toString(config.port())), config.indexPoll());
    Readiness readiness = new Readiness(Map.of("the catalog table is reachable", catalog.reachable(),
        "an index generation is open", index::ready));
    readiness.addDetail("indexGeneration", index::generation);
    Cursors cursors = new Cursors(data.cursorSecret());
    UploadRoutes uploads = new UploadRoutes(new UploadService(
        UploadCatalog.dynamo(dynamo.dynamoDbClient(), config.table(), clock),
        new UploadStorage(LocalS3.client(s3), LocalS3.presigner(s3), config.mediaBucket()),
        UploadLimits.withMax(config.uploadMaxBytes()), cursors, clock));
    App app = new App(catalog, index, new AccessTokenVerifier(issuer.settings()), cursors, readiness, clock,
        DevStack.localMedia(config, data, LocalS3.client(s3)), new App.Extras(IndexAdmin.readOnly(), uploads))
        .start(config.host(), config.port());
    readiness.markStarted();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.stop();
      try {
        index.close();
      } catch (IOException e) {
        // the process is ending; the local copy is rebuilt from S3 next time
      }
      issuer.close();
      dynamo.shutdown();
      stopped.countDown();
    }, "replica-shutdown"));
    System.out.printf("%nA read replica of the dev stack is running at http://%s:%d (index from %s; Ctrl-C stops it)%n%n",
        config.host(), app.port(), s3);
    System.out.flush();
    stopped.await();
  }

  private static boolean answers(URI endpoint) {
    try {
      HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
      connection.setConnectTimeout(1000);
      return connection.getResponseCode() > 0;
    } catch (IOException e) {
      return false;
    }
  }
}
