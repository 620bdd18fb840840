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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies access tokens. A token that fails any check is a 401 {@link Problem} whose detail says which check
 * failed in general terms, never echoing the token.
 *
 * <p>A token that passed is remembered, by its exact text (signature included), until it expires as the claims
 * check sees it (expiry plus the allowed clock skew) and for at most {@link #REMEMBERED_FOR}: a listener sends the
 * same token with every keystroke, and checking its RSA signature again each time costs more than the rest of the
 * request's HTTP handling. Only tokens that passed are remembered, so bad tokens cannot fill the memory; and a
 * token outlives the removal of its signing key by at most that bound, less than the hour the key set itself is
 * cached ({@code KEY_CACHE_TTL}).
 */
public final class AccessTokenVerifier {
  static final int MAX_CLOCK_SKEW_SECONDS = 5;
  private static final Duration KEY_CACHE_TTL = Duration.ofHours(1);
  private static final Duration KEY_FETCH_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);

  static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);
  /** Tokens remembered at once; the memory is emptied when full (about 10 MB at most). */
  static final int REMEMBERED_TOKENS = 10_000;

  private final ConfigurableJWTProcessor<SecurityContext> processor;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  private record Verified(Caller caller, long untilMillis) {}

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
    long now = System.currentTimeMillis();
    Verified known = verified.get(token);
    if (known != null) {
      if (now < known.untilMillis()) {
        return known.caller();
      }
      verified.remove(token);
    }
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
    Caller caller = new Caller(claims.getSubject(), username(claims), groups(claims));
    long expires = claims.getExpirationTime().getTime() + MAX_CLOCK_SKEW_SECONDS * 1000L;
    if (verified.size() >= REMEMBERED_TOKENS) {
      verified.clear();
    }
    verified.put(token, new Verified(caller, Math.min(expires, now + REMEMBERED_FOR.toMillis())));
    return caller;
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
