package dev.tonearm.server.edge;

import dev.tonearm.server.http.Problem;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;

/** Where the edge reads media from: the media bucket, streamed, never buffered whole. */
public interface MediaStore {

  /**
   * The object at {@code key}, or the bytes {@code first..last} of it when a range is given; empty when there is
   * no such object. The caller closes the body.
   */
  Optional<MediaObject> get(String key, Optional<long[]> range);

  /** The object's metadata alone (its length in particular), or empty when there is no such object. */
  Optional<MediaObject> head(String key);

  /**
   * An object or a slice of it.
   *
   * @param length bytes in {@code body}
   * @param totalLength bytes in the whole object
   * @param body the bytes, or null for {@link #head}
   */
  record MediaObject(InputStream body, long length, long totalLength, String contentType, String eTag,
      Instant lastModified, String cacheControl) {}

  /** A store for a server without media storage (benchmarks): every request is a 503. */
  static MediaStore none() {
    return new MediaStore() {
      @Override
      public Optional<MediaObject> get(String key, Optional<long[]> range) {
        throw Problem.unavailable("this server has no media storage configured");
      }

      @Override
      public Optional<MediaObject> head(String key) {
        throw Problem.unavailable("this server has no media storage configured");
      }
    };
  }
}
