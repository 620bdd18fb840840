package dev.tonearm.ingest;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3BucketEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * S3 event notification records of the shape S3 delivers to Lambda, for event sources that are not S3: the
 * local reconciler (S3Mock sends no notifications) and tests. Keys are URL-encoded, as S3 sends them.
 */
public final class S3Events {
  public static final String CREATED_PUT = "ObjectCreated:Put";
  public static final String CREATED_MULTIPART = "ObjectCreated:CompleteMultipartUpload";
  public static final String REMOVED_DELETE = "ObjectRemoved:Delete";

  private S3Events() {}

  public static S3EventNotificationRecord record(String eventName, String bucket, String key, Long size,
      String eTag, Instant time) {
    String encodedKey = URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    S3Entity s3 = new S3Entity("tonearm-local", new S3BucketEntity(bucket, null, "arn:aws:s3:::" + bucket),
        new S3ObjectEntity(encodedKey, size, eTag, null, null), "1.0");
    return new S3EventNotificationRecord("local", eventName, "aws:s3", time.toString(), "2.1", null, null, s3, null);
  }
}
