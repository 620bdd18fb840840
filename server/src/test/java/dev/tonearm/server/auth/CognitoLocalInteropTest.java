package dev.tonearm.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tonearm.server.Http;
import dev.tonearm.server.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/**
 * Proves that the {@link AccessTokenVerifier} accepts access tokens as a Cognito user pool mints them (the
 * username, the {@code sub} and the {@code admin} group come through) and refuses the pool's other tokens: ID
 * tokens, access tokens for another app client, and tokens from another pool.
 *
 * <p>The pool is <a href="https://www.npmjs.com/package/cognito-local">cognito-local</a> (pinned in
 * {@code tests/cognito-local}), run as a child process and set up through the real AWS SDK client, so the
 * tokens come from someone else's Cognito implementation rather than our own {@link DevIssuer}. cognito-local
 * signs every token of every pool with one RSA key that ships inside its npm package, so anyone can mint its
 * tokens: it is a test peer only, and no production config may trust its issuer.
 */
class CognitoLocalInteropTest {
  private static final String PASSWORD = "Interop-Passw0rd!";
  private static final String CLI = "tests/cognito-local/node_modules/.bin/cognito-local";

  @TempDir
  static Path workDir;
  private static Process cognitoLocal;
  private static CognitoIdentityProviderClient cognito;
  private static String cognitoUrl;
  private static TestServer server;
  private static Http http;

  private static Pool pool;
  private static AuthenticationResultType alice;
  private static AuthenticationResultType root;

  /** A user pool with its issuer and the app client the server trusts. */
  private record Pool(String id, String issuer, String clientId) {}

  @BeforeAll
  static void start() throws Exception {
    startCognitoLocal();
    pool = pool("tonearm");
    cognito.createGroup(b -> b.userPoolId(pool.id()).groupName(Caller.ADMIN_GROUP));
    user(pool, "alice");
    user(pool, "root", Caller.ADMIN_GROUP);
    alice = signIn(pool.clientId(), "alice");
    root = signIn(pool.clientId(), "root");

    server = new TestServer(new AuthSettings(pool.issuer(), pool.clientId(),
        URI.create(pool.issuer() + "/.well-known/jwks.json")));
    http = server.http;
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (server != null) {
      server.close();
    }
    if (cognito != null) {
      cognito.close();
    }
    if (cognitoLocal != null) {
      cognitoLocal.descendants().forEach(ProcessHandle::destroy);
      cognitoLocal.destroy();
      if (!cognitoLocal.waitFor(5, TimeUnit.SECONDS)) {
        cognitoLocal.descendants().forEach(ProcessHandle::destroyForcibly);
        cognitoLocal.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void a_cognito_access_token_is_accepted() throws ParseException {
    Http.Response me = http.get("/v1/me", alice.accessToken());

    assertThat(me.status()).as(me.raw().body()).isEqualTo(200);
    assertThat(me.json().get("username").asText()).isEqualTo("alice");
    assertThat(me.json().get("admin").asBoolean()).isFalse();
    assertThat(me.json().get("userId").asText()).isEqualTo(claims(alice.accessToken()).getSubject());
  }

  @Test
  void a_cognito_admin_group_member_may_use_admin_routes() {
    String tracks = "[{\"title\":\"Interop\"}]";

    Http.Response asRoot = http.post("/v1/admin/import", root.accessToken(), tracks);
    assertThat(asRoot.status()).as(asRoot.raw().body()).isEqualTo(200);
    assertThat(http.post("/v1/admin/import", alice.accessToken(), tracks).status()).isEqualTo(403);
  }

  @Test
  void a_cognito_id_token_is_refused() {
    assertThat(refusal(alice.idToken())).containsAnyOf("token_use", "client_id");
  }

  @Test
  void a_token_for_another_app_client_is_refused() throws ParseException {
    String otherClient = appClient(pool.id(), "another-app");
    String token = signIn(otherClient, "alice").accessToken();

    assertThat(claims(token).getStringClaim("client_id")).isEqualTo(otherClient);
    assertThat(refusal(token)).contains("client_id");
  }

  @Test
  void a_token_from_another_pool_is_refused() throws ParseException {
    Pool other = pool("another-pool");
    user(other, "alice");
    String token = signIn(other.clientId(), "alice").accessToken();

    // cognito-local signs every pool's tokens with the same key: only the iss check can refuse this one.
    assertThat(SignedJWT.parse(token).getHeader().getKeyID())
        .isEqualTo(SignedJWT.parse(alice.accessToken()).getHeader().getKeyID());
    assertThat(claims(token).getIssuer()).isEqualTo(other.issuer()).isNotEqualTo(pool.issuer());
    assertThat(refusal(token)).contains("iss claim");
  }

  /** Asserts {@code GET /v1/me} refuses the token with a 401 and returns the problem's detail (which check failed). */
  private static String refusal(String token) {
    Http.Response me = http.get("/v1/me", token);
    assertThat(me.status()).as(me.raw().body()).isEqualTo(401);
    return me.json().get("detail").asText();
  }

  // --- cognito-local and the Cognito setup ---

  private static void startCognitoLocal() throws IOException, InterruptedException {
    Path cli = repoRoot().resolve(CLI);
    if (!Files.isExecutable(cli)) {
      fail(cli + " is missing: run npm ci in tests/cognito-local (.ci/run does it)");
    }
    // cognito-local keeps its state in .cognito under its working directory. Its default pools make users
    // sign in by email (the username becomes the sub); AWS's default, and ours, is plain usernames.
    Files.createDirectories(workDir.resolve(".cognito"));
    Files.writeString(workDir.resolve(".cognito/config.json"), "{\"UserPoolDefaults\":{\"UsernameAttributes\":[]}}");
    int port = freePort();
    ProcessBuilder builder = new ProcessBuilder(cli.toString()).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(workDir.resolve("cognito-local.log").toFile());
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().put("HOST", "127.0.0.1");
    cognitoLocal = builder.start();
    cognitoUrl = "http://127.0.0.1:" + port;
    awaitHealthy();
    cognito = CognitoIdentityProviderClient.builder()
        .endpointOverride(URI.create(cognitoUrl))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .build();
  }

  private static void awaitHealthy() throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create(cognitoUrl + "/health")).build();
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline) && cognitoLocal.isAlive()) {
      try {
        if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    fail("cognito-local did not answer on " + cognitoUrl + ":\n"
        + Files.readString(workDir.resolve("cognito-local.log")));
  }

  private static Pool pool(String name) {
    String id = cognito.createUserPool(b -> b.poolName(name)).userPool().id();
    return new Pool(id, cognitoUrl + "/" + id, appClient(id, name + "-app"));
  }

  private static String appClient(String poolId, String name) {
    return cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName(name)
            .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
        .userPoolClient().clientId();
  }

  private static void user(Pool pool, String username, String... groups) {
    cognito.adminCreateUser(b -> b.userPoolId(pool.id()).username(username).messageAction(MessageActionType.SUPPRESS));
    cognito.adminSetUserPassword(b -> b.userPoolId(pool.id()).username(username).password(PASSWORD).permanent(true));
    for (String group : groups) {
      cognito.adminAddUserToGroup(b -> b.userPoolId(pool.id()).username(username).groupName(group));
    }
  }

  private static AuthenticationResultType signIn(String clientId, String username) {
    return cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
        .authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD))).authenticationResult();
  }

  private static JWTClaimsSet claims(String token) throws ParseException {
    return SignedJWT.parse(token).getJWTClaimsSet();
  }

  private static Path repoRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("tests/cognito-local/package.json"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no tests/cognito-local/package.json above " + Path.of("").toAbsolutePath());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
