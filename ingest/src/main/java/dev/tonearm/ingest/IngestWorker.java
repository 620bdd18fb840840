package dev.tonearm.ingest;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.tonearm.catalog.MediaLayout;
import java.util.Optional;

/**
 * The entry point for storage events, wherever they come from (S3 through Lambda, or the local reconciler):
 * "an original was created" starts an ingest, "an original was removed" removes its track. Every other key,
 * bucket or event is skipped. Permanent failures end in the upload's status; only a
 * {@link Retry.TransientFault} (and an interruption) escapes, so the event source delivers the event again.
 */
public final class IngestWorker {
  private final String bucket;
  private final Ingestion ingestion;
  private final Removal removal;

  public IngestWorker(String bucket, Ingestion ingestion, Removal removal) {
    this.bucket = bucket;
    this.ingestion = ingestion;
    this.removal = removal;
  }

  public IngestOutcome handle(S3EventNotificationRecord record) throws Exception {
    if (record.getS3() == null || !bucket.equals(record.getS3().getBucket().getName())) {
      return new IngestOutcome.Skipped("not the media bucket");
    }
    String key = record.getS3().getObject().getUrlDecodedKey();
    Optional<String> trackId = MediaLayout.trackIdOfOriginal(key);
    if (trackId.isEmpty()) {
      return new IngestOutcome.Skipped(key + " is not an original");
    }
    String event = record.getEventName();
    if (event.startsWith("ObjectCreated:")) {
      return ingestion.ingest(trackId.get(), key);
    }
    if (event.startsWith("ObjectRemoved:")) {
      return removal.remove(trackId.get(), key);
    }
    return new IngestOutcome.Skipped("event " + event + " is not handled");
  }
}
