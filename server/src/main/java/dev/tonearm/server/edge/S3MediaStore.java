package dev.tonearm.server.edge;

import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The media bucket through the S3 API: one GetObject per request, with the resolved byte range. */
public final class S3MediaStore implements MediaStore {
  private final S3Client s3;
  private final String bucket;

  public S3MediaStore(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  @Override
  public Optional<MediaObject> get(String key, Optional<long[]> range) {
    GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key);
    range.ifPresent(r -> request.range("bytes=" + r[0] + "-" + r[1]));
    try {
      ResponseInputStream<GetObjectResponse> body = s3.getObject(request.build());
      GetObjectResponse r = body.response();
      long total = range.isPresent() ? totalOf(r.contentRange(), r.contentLength()) : r.contentLength();
      return Optional.of(new MediaObject(body, r.contentLength(), total, r.contentType(), r.eTag(), r.lastModified(),
          r.cacheControl()));
    } catch (NoSuchKeyException missing) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public Optional<MediaObject> head(String key) {
    try {
      HeadObjectResponse r = s3.headObject(b -> b.bucket(bucket).key(key));
      return Optional.of(new MediaObject(null, r.contentLength(), r.contentLength(), r.contentType(), r.eTag(),
          r.lastModified(), r.cacheControl()));
    } catch (NoSuchKeyException missing) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The total after the slash of {@code bytes first-last/total}. */
  private static long totalOf(String contentRange, long fallback) {
    int slash = contentRange == null ? -1 : contentRange.lastIndexOf('/');
    if (slash < 0 || contentRange.endsWith("*")) {
      return fallback;
    }
    return Long.parseLong(contentRange.substring(slash + 1).strip());
  }
}
