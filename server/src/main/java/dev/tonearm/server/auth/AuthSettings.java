package dev.tonearm.server.auth;

import java.net.URI;
import java.util.Objects;

/**
 * What the verifier trusts: the exact {@code iss}, the app client id, and where the issuer publishes its keys.
 * In AWS these are the Cognito user pool's; locally, the embedded issuer's.
 */
public record AuthSettings(String issuer, String clientId, URI jwksUrl) {
  public AuthSettings {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(jwksUrl, "jwksUrl");
  }
}
