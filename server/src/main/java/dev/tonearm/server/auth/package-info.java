/**
 * Authentication of every request. {@link dev.tonearm.server.auth.AccessTokenVerifier} checks Cognito-shaped
 * access tokens with Nimbus exactly as production needs (RS256 only, keys from the configured JWKS URL with a
 * cache and a rate-limited refetch on an unknown kid, exact issuer and client id, {@code token_use=access},
 * {@code exp} required, 5 s of clock skew). {@link dev.tonearm.server.auth.DevIssuer} is the embedded issuer
 * for dev and tests: it signs tokens of the same shape with its own key and serves its JWKS on loopback, so
 * the verifier never has a dev mode.
 */
package dev.tonearm.server.auth;
