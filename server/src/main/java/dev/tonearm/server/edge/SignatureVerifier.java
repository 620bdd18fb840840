package dev.tonearm.server.edge;

import dev.tonearm.server.http.Problem;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks a signed URL as CloudFront does for a distribution with trusted keys: the key-pair id must be trusted,
 * the signature (SHA1withRSA over the policy) must verify with that key, the URL must fall within the policy's
 * resource, the time within its window and the client within its address block. Every failure is a 403.
 */
public final class SignatureVerifier {
  private final Map<String, PublicKey> trusted;
  private final Clock clock;

  /** {@code trusted} maps key-pair ids to public keys: the distribution's trusted key group. */
  public SignatureVerifier(Map<String, PublicKey> trusted, Clock clock) {
    this.trusted = Map.copyOf(trusted);
    this.clock = clock;
  }

  /**
   * Verifies a request for {@code url} (scheme, host and path as the viewer addressed them, no query) with
   * {@code rawQuery}; returns its signing parameters or throws a 403 {@link Problem}.
   */
  SignedQuery verify(String url, String rawQuery, InetAddress client) {
    SignedQuery query = SignedQuery.parse(rawQuery);
    PublicKey key = trusted.get(query.keyPairId());
    if (key == null) {
      throw denied("the key-pair id is not one this distribution trusts");
    }
    byte[] signature = UrlSafeBase64.decode(query.signature())
        .orElseThrow(() -> denied("the signature is not CloudFront's URL-safe base64"));
    String resourceUrl = query.unsigned().isEmpty() ? url : url + "?" + query.unsigned();
    Policy policy;
    if (query.isCustom()) {
      byte[] document = UrlSafeBase64.decode(query.policy().orElseThrow())
          .orElseThrow(() -> denied("the policy is not CloudFront's URL-safe base64"));
      checkSignature(key, document, signature);
      policy = Policy.parse(document).orElseThrow(() -> denied("the policy is malformed"));
    } else {
      // A canned policy names this very URL: a signature that verifies over it has already checked the resource.
      long expires = expires(query.expires().orElseThrow());
      checkSignature(key, Policy.canned(resourceUrl, expires).getBytes(StandardCharsets.UTF_8), signature);
      policy = new Policy(Optional.empty(), expires, OptionalLong.empty(), Optional.empty());
    }
    check(policy, resourceUrl, client);
    return query;
  }

  private void check(Policy policy, String resourceUrl, InetAddress client) {
    if (policy.resource().isPresent() && !Wildcard.matches(policy.resource().get(), resourceUrl)) {
      throw denied("the policy does not cover this URL");
    }
    long now = clock.instant().getEpochSecond();
    if (now >= policy.dateLessThan()) {
      throw denied("the signed URL has expired");
    }
    if (policy.dateGreaterThan().isPresent() && now < policy.dateGreaterThan().getAsLong()) {
      throw denied("the signed URL is not valid yet");
    }
    if (policy.sourceIp().isPresent() && !policy.sourceIp().get().contains(client)) {
      throw denied("the policy does not admit this client address");
    }
  }

  private static void checkSignature(PublicKey key, byte[] signed, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance("SHA1withRSA");
      verifier.initVerify(key);
      verifier.update(signed);
      if (verifier.verify(signature)) {
        return;
      }
    } catch (GeneralSecurityException malformed) {
      // a signature of the wrong length or shape: refused below like any other
    }
    throw denied("the signature does not match the policy");
  }

  private static long expires(String value) {
    if (!value.matches("[0-9]{1,12}")) {
      throw denied("Expires must be seconds since the epoch");
    }
    return Long.parseLong(value);
  }

  private static Problem denied(String why) {
    return SignedQuery.denied(why);
  }
}
