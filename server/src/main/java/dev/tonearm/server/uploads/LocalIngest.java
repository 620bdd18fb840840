package dev.tonearm.server.uploads;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.tonearm.catalog.MediaLayout;
import dev.tonearm.ingest.Ingest;
import dev.tonearm.ingest.IngestOutcome;
import dev.tonearm.ingest.IngestWorker;
import dev.tonearm.ingest.UploadReconciler;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingestion inside the server, for one machine: S3Mock sends no notifications, so a poller runs the
 * {@link UploadReconciler} (which notices uploaded files, expires abandoned uploads and re-delivers stalled ones)
 * and queues the S3 event records it makes for one worker thread, the same {@link IngestWorker} the Lambda runs.
 * An upload already queued is not queued twice.
 */
public final class LocalIngest implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalIngest.class);

  private final UploadReconciler reconciler;
  private final IngestWorker worker;
  private final ScheduledExecutorService poller;
  private final ExecutorService workers;
  private final Set<String> queued = ConcurrentHashMap.newKeySet();

  private LocalIngest(Ingest ingest) {
    this.reconciler = ingest.reconciler();
    this.worker = ingest.worker();
    this.poller = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "upload-events"));
    this.workers = Executors.newSingleThreadExecutor(r -> daemon(r, "ingest-worker"));
  }

  /** Starts polling every {@code every}. */
  public static LocalIngest start(Ingest ingest, Duration every) {
    LocalIngest local = new LocalIngest(ingest);
    local.poller.scheduleWithFixedDelay(local::poll, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    return local;
  }

  private void poll() {
    try {
      reconciler.reconcile(this::enqueue);
    } catch (RuntimeException e) {
      if (!poller.isShutdown()) {
        LOG.atWarn().setCause(e).log("upload poll failed; trying again");
      }
    }
  }

  private void enqueue(S3EventNotificationRecord record) {
    String key = record.getS3().getObject().getUrlDecodedKey();
    String uploadId = MediaLayout.trackIdOfOriginal(key).orElse(key);
    if (queued.add(uploadId)) {
      workers.execute(() -> handle(uploadId, record));
    }
  }

  private void handle(String uploadId, S3EventNotificationRecord record) {
    try {
      IngestOutcome outcome = worker.handle(record);
      LOG.atDebug().addKeyValue("uploadId", uploadId).addKeyValue("outcome", outcome).log("local ingest");
    } catch (Exception e) {
      LOG.atWarn().addKeyValue("uploadId", uploadId).addKeyValue("error", e.toString())
          .log("ingest will be retried at the next poll");
    } finally {
      queued.remove(uploadId);
    }
  }

  @Override
  public void close() {
    poller.shutdownNow();
    workers.shutdownNow(); // interrupts a running ffmpeg, whose process tree is then killed
    try {
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
