package dev.tonearm.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.tonearm.server.Http;
import dev.tonearm.server.TestServer;
import dev.tonearm.server.http.Access;
import dev.tonearm.server.http.Route;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every route of the route table against every way a token can be wrong. Generated from the table, so a new
 * route is covered the moment it is added.
 */
class AuthMatrixTest {
  private static TestServer server;
  private static Map<String, String> badTokens;

  @BeforeAll
  static void start() throws JOSEException {
    server = new TestServer();
    badTokens = badTokens(server.issuer);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void only_probes_docs_and_the_signed_media_edge_are_public() {
    Set<String> open = server.app.routes().stream().filter(r -> r.access() == Access.PUBLIC)
        .map(r -> r.method() + " " + r.path()).collect(Collectors.toSet());
    // /media is public to tokens because its CloudFront signature is the credential (MediaEdgeTest, SignatureVerifierTest).
    assertThat(open).containsExactlyInAnyOrder("GET /health", "GET /ready", "GET /openapi.json", "GET /docs",
        "GET /media/*", "HEAD /media/*", "OPTIONS /media/*");
  }

  @TestFactory
  Stream<DynamicTest> every_protected_route_refuses_every_bad_token_with_a_401_problem() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Route route : protectedRoutes()) {
      badTokens.forEach((kind, token) -> tests.add(DynamicTest.dynamicTest(
          route.method() + " " + route.path() + " with " + kind, () -> {
            Http.Response response = call(route, token);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("status").asInt()).isEqualTo(401);
            assertThat(response.json().get("detail").asText()).isNotBlank();
          })));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> admin_routes_refuse_a_valid_user_token_with_a_403_problem() {
    String user = server.token("alice");
    return server.app.routes().stream().filter(r -> r.access() == Access.ADMIN)
        .map(route -> DynamicTest.dynamicTest(route.method() + " " + route.path(), () -> {
          Http.Response response = call(route, user);
          assertThat(response.status()).isEqualTo(403);
          assertThat(response.contentType()).startsWith("application/problem+json");
        }));
  }

  @TestFactory
  Stream<DynamicTest> protected_routes_let_a_valid_token_through() {
    String admin = server.adminToken("root");
    return protectedRoutes().stream()
        .map(route -> DynamicTest.dynamicTest(route.method() + " " + route.path(), () ->
            assertThat(call(route, admin).status()).isNotIn(401, 403)));
  }

  @Test
  void a_token_within_the_clock_skew_is_accepted_and_beyond_it_refused() {
    JWTClaimsSet justExpired = valid(server.issuer, b -> b.expirationTime(Date.from(Instant.now().minusSeconds(2))));
    JWTClaimsSet longExpired = valid(server.issuer, b -> b.expirationTime(Date.from(Instant.now().minusSeconds(10))));
    assertThat(server.http.get("/v1/me", server.issuer.sign(justExpired)).status()).isEqualTo(200);
    assertThat(server.http.get("/v1/me", server.issuer.sign(longExpired)).status()).isEqualTo(401);
  }

  @Test
  void a_token_accepted_before_is_refused_once_past_its_expiry_and_skew() throws InterruptedException {
    // Expired 2 s ago: inside the 5 s skew for 3 s more, then beyond it. The first call is remembered.
    Instant expiry = Instant.now().minusSeconds(2);
    String token = server.issuer.sign(valid(server.issuer, b -> b.expirationTime(Date.from(expiry))));
    assertThat(server.http.get("/v1/me", token).status()).isEqualTo(200);
    assertThat(server.http.get("/v1/me", token).status()).isEqualTo(200);
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry.plusSeconds(6)).toMillis()));
    assertThat(server.http.get("/v1/me", token).status()).isEqualTo(401);
  }

  @Test
  void the_authorization_header_must_use_the_bearer_scheme() {
    Http.Response response = server.http.send("GET", "/v1/tracks", null, null, null,
        Map.of("Authorization", "Basic " + server.token("alice")));
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
  }

  private static List<Route> protectedRoutes() {
    return server.app.routes().stream().filter(r -> r.access() != Access.PUBLIC).toList();
  }

  private static Http.Response call(Route route, String token) {
    String path = route.path().replace("{id}", "some-track");
    String body = switch (route.method()) {
      case POST, PATCH, PUT -> "{}";
      default -> null;
    };
    String type = body == null ? null : "application/json";
    return server.http.send(route.method().name(), path, token, type, body, Map.of());
  }

  /** Claims a verifier accepts, changed by {@code change}. */
  static JWTClaimsSet valid(DevIssuer issuer, UnaryOperator<JWTClaimsSet.Builder> change) {
    Instant now = Instant.now();
    return change.apply(new JWTClaimsSet.Builder()
        .issuer(DevIssuer.ISSUER).subject("mallory-sub").claim("client_id", DevIssuer.CLIENT_ID)
        .claim("token_use", "access").claim("username", "mallory").claim("cognito:groups", List.of())
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))).build();
  }

  private static Map<String, String> badTokens(DevIssuer issuer) throws JOSEException {
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("no token", null);
    tokens.put("a malformed token", "not.a.jwt");
    tokens.put("alg none", new PlainJWT(valid(issuer, b -> b)).serialize());
    SignedJWT hs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(issuer.key().getKeyID()).build(),
        valid(issuer, b -> b));
    hs256.sign(new MACSigner(issuer.key().toRSAPublicKey().getEncoded()));
    tokens.put("HS256 keyed with the RSA public key", hs256.serialize());
    tokens.put("a wrong issuer", issuer.sign(valid(issuer, b -> b.issuer("https://evil.example/pool"))));
    tokens.put("a wrong client id", issuer.sign(valid(issuer, b -> b.claim("client_id", "someone-else"))));
    tokens.put("an ID token", issuer.sign(valid(issuer, b -> b.claim("token_use", "id"))));
    tokens.put("an expired token", issuer.sign(valid(issuer,
        b -> b.expirationTime(Date.from(Instant.now().minusSeconds(60))))));
    tokens.put("no exp", issuer.sign(valid(issuer, b -> b.expirationTime(null))));
    RSAKey stranger = new RSAKeyGenerator(2048).keyID("unknown-kid").generate();
    tokens.put("an unknown kid", DevIssuer.sign(stranger, valid(issuer, b -> b)));
    RSAKey impostor = new RSAKeyGenerator(2048).keyID(issuer.key().getKeyID()).generate();
    tokens.put("a forged admin group from another key", DevIssuer.sign(impostor,
        valid(issuer, b -> b.claim("cognito:groups", List.of("admin")))));
    return tokens;
  }
}
