package dev.tonearm.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.tonearm.server.http.Problem;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies access tokens. A token that fails any check is a 401 {@link Problem} whose detail says which check
 * failed in general terms, never echoing the token.
 */
public final class AccessTokenVerifier {
  static final int MAX_CLOCK_SKEW_SECONDS = 5;
  private static final Duration KEY_CACHE_TTL = Duration.ofHours(1);
  private static final Duration KEY_FETCH_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);

  private final ConfigurableJWTProcessor<SecurityContext> processor;

  public AccessTokenVerifier(AuthSettings settings) {
    this(settings, MIN_REFETCH_INTERVAL);
  }

  AccessTokenVerifier(AuthSettings settings, Duration minRefetchInterval) {
    JWKSource<SecurityContext> keys;
    try {
      keys = JWKSourceBuilder.<SecurityContext>create(settings.jwksUrl().toURL())
          .cache(KEY_CACHE_TTL.toMillis(), KEY_FETCH_TIMEOUT.toMillis())
          .rateLimited(minRefetchInterval.toMillis())
          .retrying(false)
          .build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("bad JWKS URL " + settings.jwksUrl(), e);
    }
    DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
        new JWTClaimsSet.Builder()
            .issuer(settings.issuer())
            .claim("token_use", "access")
            .claim("client_id", settings.clientId())
            .build(),
        Set.of("sub", "exp", "iat"));
    claims.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
    processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    processor.setJWTClaimsSetVerifier(claims);
  }

  /** Returns the caller a bearer token speaks for, or throws a 401 problem. */
  public Caller verify(String token) {
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (ParseException e) {
      throw Problem.unauthorized("the access token is malformed");
    } catch (BadJOSEException e) {
      throw Problem.unauthorized("the access token is not valid: " + e.getMessage());
    } catch (JOSEException e) {
      throw Problem.unauthorized("the access token could not be verified");
    }
    return new Caller(claims.getSubject(), username(claims), groups(claims));
  }

  private static String username(JWTClaimsSet claims) {
    Object username = claims.getClaim("username");
    return username instanceof String s ? s : claims.getSubject();
  }

  private static Set<String> groups(JWTClaimsSet claims) {
    Object groups = claims.getClaim("cognito:groups");
    Set<String> out = new HashSet<>();
    if (groups instanceof List<?> list) {
      list.forEach(g -> {
        if (g instanceof String s) {
          out.add(s);
        }
      });
    }
    return out;
  }
}
