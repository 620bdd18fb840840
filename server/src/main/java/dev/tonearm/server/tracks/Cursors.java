package dev.tonearm.server.tracks;

import dev.tonearm.server.http.Problem;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, tamper-proof paging cursors: the position (last id seen) and the caller it was issued to, signed with
 * HMAC-SHA256 under the server's secret. A cursor that was altered, forged, or issued to someone else is a 400;
 * it can never move a caller to a position of another's listing. All replicas must share the secret.
 */
public final class Cursors {
  private static final String VERSION = "c1";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final byte[] secret;

  public Cursors(byte[] secret) {
    if (secret.length < 32) {
      throw new IllegalArgumentException("the cursor secret must have at least 32 bytes");
    }
    this.secret = secret.clone();
  }

  public String issue(String userId, String lastId) {
    String payload = VERSION + "\n" + userId + "\n" + lastId;
    return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + ENCODER.encodeToString(mac(payload));
  }

  /** The last id a cursor points after; a 400 problem if the cursor is not one this server issued to the caller. */
  public String open(String userId, String cursor) {
    int dot = cursor.indexOf('.');
    if (dot < 0 || cursor.length() > 2048) {
      throw invalid();
    }
    String payload;
    byte[] signature;
    try {
      payload = new String(DECODER.decode(cursor.substring(0, dot)), StandardCharsets.UTF_8);
      signature = DECODER.decode(cursor.substring(dot + 1));
    } catch (IllegalArgumentException notBase64) {
      throw invalid();
    }
    if (!MessageDigest.isEqual(mac(payload), signature)) {
      throw invalid();
    }
    String[] parts = payload.split("\n", -1);
    if (parts.length != 3 || !parts[0].equals(VERSION) || !parts[1].equals(userId)) {
      throw invalid();
    }
    return parts[2];
  }

  private byte[] mac(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static Problem invalid() {
    return Problem.badRequest("cursor is not valid: pass back the nextCursor of a previous page unchanged");
  }
}
