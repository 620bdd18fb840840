package dev.tonearm.server.uploads;

import java.time.Duration;

/**
 * How large an upload may be and how it travels: one presigned PUT up to {@code multipartThreshold}, presigned
 * parts of {@code partSize} above it; links valid for {@code singleTtl} or {@code multipartTtl}.
 */
public record UploadLimits(long maxBytes, long multipartThreshold, long partSize, Duration singleTtl,
    Duration multipartTtl) {
  public static final long MIB = 1L << 20;
  /** S3's floor for every part but the last. */
  public static final long MIN_PART = 5 * MIB;
  /** S3's ceiling on the number of parts. */
  public static final int MAX_PARTS = 10_000;

  public UploadLimits {
    if (partSize < MIN_PART) {
      throw new IllegalArgumentException("parts must be at least 5 MiB");
    }
  }

  /** 100 MiB and above go in 64 MiB parts; links last an hour, six for multipart uploads. */
  public static UploadLimits withMax(long maxBytes) {
    return new UploadLimits(maxBytes, 100 * MIB, 64 * MIB, Duration.ofHours(1), Duration.ofHours(6));
  }

  public boolean isMultipart(long size) {
    return size > multipartThreshold;
  }

  /** The part size for a file of {@code size} bytes: the configured one, larger if needed to stay in 10,000. */
  public long partSizeFor(long size) {
    return Math.max(partSize, (size + MAX_PARTS - 1) / MAX_PARTS);
  }
}
