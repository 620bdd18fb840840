package dev.tonearm.ingest;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.tonearm.catalog.Upload;
import dev.tonearm.catalog.UploadStatus;
import dev.tonearm.catalog.VersionConflictException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Walks the uploads still in flight and makes the storage events that should have come. A PENDING upload whose
 * file is in the bucket is marked UPLOADED and delivered as "created"; one whose link expired without a file
 * FAILS (its multipart parts are dropped); an UPLOADED upload is delivered (again); a PROCESSING one whose
 * worker's lease ran out is delivered for another worker to take over. On one machine this is the event source,
 * since S3Mock sends no notifications; in AWS the same pass can run on a schedule to catch what was lost.
 */
public final class UploadReconciler {
  /** A PUT that began just before its link expired may still be arriving. */
  static final Duration EXPIRY_GRACE = Duration.ofMinutes(5);
  private static final Logger LOG = LoggerFactory.getLogger(UploadReconciler.class);
  private static final int BATCH = 100;

  private final IngestStores stores;
  private final IngestConfig config;
  private final Clock clock;

  public UploadReconciler(IngestStores stores, IngestConfig config, Clock clock) {
    this.stores = stores;
    this.config = config;
    this.clock = clock;
  }

  /** One pass; {@code deliver} receives the events to handle. Returns how many were delivered. */
  public int reconcile(Consumer<S3EventNotificationRecord> deliver) {
    int delivered = 0;
    Instant now = clock.instant();
    for (Upload pending : stores.uploads().listOpen(UploadStatus.PENDING, BATCH)) {
      delivered += arrived(pending, now, deliver) ? 1 : 0;
    }
    for (Upload uploaded : stores.uploads().listOpen(UploadStatus.UPLOADED, BATCH)) {
      deliver.accept(created(uploaded, null));
      delivered++;
    }
    for (Upload processing : stores.uploads().listOpen(UploadStatus.PROCESSING, BATCH)) {
      if (processing.updatedAt().plus(config.lease()).isBefore(now)) {
        deliver.accept(created(processing, null));
        delivered++;
      }
    }
    return delivered;
  }

  private boolean arrived(Upload pending, Instant now, Consumer<S3EventNotificationRecord> deliver) {
    var head = stores.media().head(pending.objectKey());
    if (head.isPresent()) {
      markUploaded(pending);
      deliver.accept(created(pending, head.get()));
      return true;
    }
    if (pending.expiresAt() != null && pending.expiresAt().plus(EXPIRY_GRACE).isBefore(now)) {
      expire(pending);
    }
    return false;
  }

  private void markUploaded(Upload pending) {
    try {
      stores.uploads().update(pending.id(), pending.version(), u -> u.withStatus(UploadStatus.UPLOADED, null));
    } catch (VersionConflictException moved) {
      // a worker got there first
    }
  }

  private void expire(Upload pending) {
    if (pending.multipartId() != null) {
      stores.media().abortMultipart(pending.objectKey(), pending.multipartId());
    }
    try {
      stores.uploads().update(pending.id(), pending.version(), u -> u.withStatus(UploadStatus.FAILED,
          "no file arrived before the upload link expired at " + pending.expiresAt()));
      LOG.atInfo().addKeyValue("uploadId", pending.id()).log("upload expired");
    } catch (VersionConflictException moved) {
      // it arrived after all
    }
  }

  private S3EventNotificationRecord created(Upload upload, HeadObjectResponse head) {
    String event = upload.multipartId() != null ? S3Events.CREATED_MULTIPART : S3Events.CREATED_PUT;
    return S3Events.record(event, stores.media().bucket(), upload.objectKey(),
        head == null ? upload.size() : head.contentLength(), head == null ? null : head.eTag(), clock.instant());
  }
}
