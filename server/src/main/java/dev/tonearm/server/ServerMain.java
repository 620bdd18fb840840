package dev.tonearm.server;

import dev.tonearm.server.auth.AccessTokenVerifier;
import dev.tonearm.server.auth.AuthSettings;
import dev.tonearm.server.config.ServerConfig;
import dev.tonearm.server.tracks.Cursors;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The composition root of a server replica in AWS: real DynamoDB (or the endpoint configured), the Cognito
 * user pool named by the environment. The embedded stack for one machine is {@link dev.tonearm.server.dev.DevStack}.
 */
public final class ServerMain {
  private static final Logger LOG = LoggerFactory.getLogger(ServerMain.class);

  private ServerMain() {}

  public static void main(String[] args) {
    ServerConfig config = ServerConfig.fromEnvironment();
    AuthSettings auth = new AuthSettings(
        config.authIssuer().orElseThrow(() -> missing(ServerConfig.AUTH_ISSUER)),
        config.authClientId().orElseThrow(() -> missing(ServerConfig.AUTH_CLIENT_ID)),
        config.authJwksUrl().orElseThrow(() -> missing(ServerConfig.AUTH_JWKS_URL)));
    byte[] secret = config.cursorSecret().orElseThrow(() -> missing(ServerConfig.CURSOR_SECRET));
    DynamoDbClientBuilder builder = DynamoDbClient.builder();
    config.dynamoEndpoint().ifPresent(builder::endpointOverride);
    Clock clock = Clock.systemUTC();
    Catalog catalog = Catalog.dynamo(builder.build(), config.table(), clock);
    Readiness readiness = new Readiness(catalog.reachable());
    App app = new App(catalog, new AccessTokenVerifier(auth), new Cursors(secret), readiness, clock)
        .start(config.host(), config.port());
    readiness.markStarted();
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
    LOG.atInfo().addKeyValue("port", app.port()).log("server ready");
  }

  private static IllegalStateException missing(String name) {
    return new IllegalStateException(name + " must be set");
  }
}
