package dev.tonearm.server.uploads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedUploadPartRequest;

/**
 * The media bucket's side of an upload: presigned PUTs whose signature binds the content type, the length, the
 * SHA-256 ({@code x-amz-checksum-sha256}, which S3 verifies) and {@code If-None-Match: *} (so nothing is ever
 * overwritten); multipart uploads with one presigned URL per part; their completion and abortion.
 */
public final class UploadStorage {
  private final S3Client s3;
  private final S3Presigner presigner;
  private final String bucket;

  public UploadStorage(S3Client s3, S3Presigner presigner, String bucket) {
    this.s3 = s3;
    this.presigner = presigner;
    this.bucket = bucket;
  }

  /** A presigned request: where to send it and exactly the headers to send with it. */
  public record Signed(String url, Map<String, String> headers) {}

  public Signed presignPut(String key, String contentType, long size, String sha256Hex, Duration ttl) {
    PresignedPutObjectRequest signed = presigner.presignPutObject(p -> p.signatureDuration(ttl)
        .putObjectRequest(r -> r.bucket(bucket).key(key).contentType(contentType).contentLength(size)
            .checksumSHA256(base64(sha256Hex)).ifNoneMatch("*")));
    return new Signed(signed.url().toString(), headers(signed.signedHeaders()));
  }

  /** Starts a multipart upload; returns its id. */
  public String startMultipart(String key, String contentType) {
    return s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType)).uploadId();
  }

  /** One presigned URL per part: {@code partSize} bytes each, the last one the rest. */
  public List<Signed> presignParts(String key, String multipartId, long size, long partSize, Duration ttl) {
    List<Signed> parts = new ArrayList<>();
    int count = (int) ((size + partSize - 1) / partSize);
    for (int n = 1; n <= count; n++) {
      int number = n;
      long length = n < count ? partSize : size - partSize * (count - 1);
      PresignedUploadPartRequest signed = presigner.presignUploadPart(p -> p.signatureDuration(ttl)
          .uploadPartRequest(r -> r.bucket(bucket).key(key).uploadId(multipartId).partNumber(number)
              .contentLength(length)));
      parts.add(new Signed(signed.url().toString(), headers(signed.signedHeaders())));
    }
    return parts;
  }

  /** Completes a multipart upload, refusing to overwrite an object already at the key. */
  public void completeMultipart(String key, String multipartId, Map<Integer, String> etags) {
    List<CompletedPart> parts = etags.entrySet().stream()
        .map(e -> CompletedPart.builder().partNumber(e.getKey()).eTag(e.getValue()).build()).toList();
    s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(multipartId).ifNoneMatch("*")
        .multipartUpload(m -> m.parts(parts)));
  }

  public void abortMultipart(String key, String multipartId) {
    s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(multipartId));
  }

  /** The signed headers as the client must send them; {@code Host} goes without saying. */
  private static Map<String, String> headers(Map<String, List<String>> signed) {
    Map<String, String> headers = new LinkedHashMap<>();
    signed.forEach((name, values) -> {
      if (!name.equalsIgnoreCase("host")) {
        headers.put(display(name), String.join(",", values));
      }
    });
    return headers;
  }

  private static String display(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "content-type" -> "Content-Type";
      case "content-length" -> "Content-Length";
      case "if-none-match" -> "If-None-Match";
      default -> name.toLowerCase(Locale.ROOT);
    };
  }

  /** S3 wants the checksum as base64 of the digest; clients declare it as hex. */
  static String base64(String sha256Hex) {
    return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256Hex));
  }
}
