package dev.tonearm.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The embedded token issuer: signs Cognito-shaped access tokens (RS256, {@code token_use=access},
 * {@code client_id}, {@code cognito:groups}) with its own RSA key and serves the public half as a JWKS on
 * loopback. It is just another issuer to the verifier. Its key can be kept in a file so tokens survive restarts.
 */
public final class DevIssuer implements AutoCloseable {
  public static final String ISSUER = "https://issuer.tonearm.invalid/dev";
  public static final String CLIENT_ID = "tonearm-dev-client";
  public static final String JWKS_PATH = "/.well-known/jwks.json";

  private final RSAKey key;
  private final String issuer;
  private final String clientId;
  private final Clock clock;
  private HttpServer server;

  public DevIssuer(RSAKey key, String issuer, String clientId, Clock clock) {
    this.key = key;
    this.issuer = issuer;
    this.clientId = clientId;
    this.clock = clock;
  }

  /** An issuer with a fresh in-memory key, for tests. */
  public static DevIssuer ephemeral(Clock clock) {
    return new DevIssuer(generateKey(), ISSUER, CLIENT_ID, clock);
  }

  /** An issuer whose key lives in {@code keyFile}, created there (owner-only) on first use. */
  public static DevIssuer persistent(Path keyFile, Clock clock) {
    return new DevIssuer(loadOrCreateKey(keyFile), ISSUER, CLIENT_ID, clock);
  }

  /** Serves the JWKS on 127.0.0.1 at an ephemeral port. */
  public DevIssuer start() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded issuer's JWKS endpoint", e);
    }
    byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    server.createContext(JWKS_PATH, exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, jwks.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(jwks);
      }
    });
    server.start();
    return this;
  }

  public URI jwksUrl() {
    if (server == null) {
      throw new IllegalStateException("the issuer is not started");
    }
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + JWKS_PATH);
  }

  /** The settings a verifier needs to trust this issuer. */
  public AuthSettings settings() {
    return new AuthSettings(issuer, clientId, jwksUrl());
  }

  /** An access token for {@code username}; admins carry the {@code admin} group. */
  public String accessToken(String username, boolean admin, Duration ttl) {
    Instant now = clock.instant();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject(subjectFor(username))
        .claim("client_id", clientId)
        .claim("token_use", "access")
        .claim("scope", "aws.cognito.signin.user.admin")
        .claim("username", username)
        .claim("cognito:groups", admin ? List.of(Caller.ADMIN_GROUP) : List.of())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(ttl)))
        .jwtID(UUID.randomUUID().toString())
        .build();
    return sign(claims);
  }

  /** Signs arbitrary claims with this issuer's key: tests use it to craft tokens that must fail. */
  public String sign(JWTClaimsSet claims) {
    return sign(key, claims);
  }

  public static String sign(RSAKey key, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(
          new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
          claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }

  public RSAKey key() {
    return key;
  }

  /**
   * Dev subjects are stable per username (a name-based UUID, as Cognito's {@code sub} is a UUID), so a user's
   * private tracks stay theirs across restarts and fresh tokens.
   */
  public static String subjectFor(String username) {
    return UUID.nameUUIDFromBytes(("tonearm-dev:" + username).getBytes(StandardCharsets.UTF_8)).toString();
  }

  public static RSAKey generateKey() {
    try {
      return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
          .keyID(UUID.randomUUID().toString()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an RSA key", e);
    }
  }

  private static RSAKey loadOrCreateKey(Path keyFile) {
    try {
      if (Files.exists(keyFile)) {
        return RSAKey.parse(Files.readString(keyFile));
      }
      Files.createDirectories(keyFile.toAbsolutePath().getParent());
      RSAKey key = generateKey();
      Path temp = Files.createTempFile(keyFile.toAbsolutePath().getParent(), "key", ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(temp, key.toJSONString());
      Files.move(temp, keyFile, StandardCopyOption.ATOMIC_MOVE);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the dev signing key " + keyFile, e);
    } catch (ParseException e) {
      throw new IllegalStateException("the dev signing key " + keyFile + " is corrupt; delete it or use --fresh", e);
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    }
  }
}
