package dev.tonearm.server.playback;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;

/**
 * Signs media URLs the way CloudFront checks them: custom policies (SHA1withRSA, URL-safe base64) built by the AWS
 * SDK's {@link CloudFrontUtilities}. A URL is the CDN's base URL, a slash, and the object's S3 key with each
 * segment percent-encoded (RFC 3986 unreserved characters and slashes stay as they are).
 */
public final class UrlSigner {
  private final CloudFrontUtilities cloudFront = CloudFrontUtilities.create();
  private final SigningKey key;
  private final Supplier<String> baseUrl;

  /** {@code baseUrl} is asked on every signature: the dev stack knows its port only once it listens. */
  public UrlSigner(SigningKey key, Supplier<String> baseUrl) {
    this.key = key;
    this.baseUrl = baseUrl;
  }

  /**
   * A URL of {@code objectKey} whose policy covers every object whose key starts with {@code prefix}: one signature
   * for a playlist and all the variant playlists and segments beside it.
   */
  public String signUnder(String objectKey, String prefix, Instant expires) {
    if (!objectKey.startsWith(prefix) || !prefix.endsWith("/")) {
      throw new IllegalArgumentException(objectKey + " is not under the directory " + prefix);
    }
    return cloudFront.getSignedUrlWithCustomPolicy(r -> r.resourceUrl(urlOf(objectKey))
        .resourceUrlPattern(urlOf(prefix) + "*").privateKey(key.privateKey()).keyPairId(key.keyPairId())
        .expirationDate(expires)).url();
  }

  /** A URL of exactly {@code objectKey}, nothing else. */
  public String signExact(String objectKey, Instant expires) {
    return cloudFront.getSignedUrlWithCustomPolicy(r -> r.resourceUrl(urlOf(objectKey))
        .privateKey(key.privateKey()).keyPairId(key.keyPairId()).expirationDate(expires)).url();
  }

  /** The unsigned URL of {@code objectKey} on the CDN. */
  public String urlOf(String objectKey) {
    return baseUrl.get() + "/" + encodePath(objectKey);
  }

  /** Percent-encodes everything but RFC 3986 unreserved characters and {@code /}. */
  public static String encodePath(String key) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(key.length() + 16);
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
        out.write(c);
      } else {
        out.writeBytes(String.format(java.util.Locale.ROOT, "%%%02X", b & 0xff).getBytes(StandardCharsets.US_ASCII));
      }
    }
    return out.toString(StandardCharsets.US_ASCII);
  }
}
