package dev.tonearm.ingest;

import dev.tonearm.catalog.MediaLayout;
import dev.tonearm.catalog.Upload;
import dev.tonearm.catalog.UploadStatus;
import dev.tonearm.catalog.VersionConflictException;
import dev.tonearm.ingest.pipeline.IngestFailure;
import dev.tonearm.ingest.pipeline.IngestJob;
import dev.tonearm.ingest.pipeline.IngestPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one arrived file through the pipeline and records how it ended. The upload is claimed with a
 * conditional write (PENDING → UPLOADED → PROCESSING), so of two workers handed the same event one proceeds;
 * a claim older than the lease may be taken over. A file that cannot be ingested ends FAILED with its reason
 * and every output it produced removed (the original stays, as evidence); storage that keeps failing sends the
 * upload back to UPLOADED for a later attempt, at most {@link #MAX_ATTEMPTS} in all; a bug in a step fails
 * that upload, never the worker.
 */
public final class Ingestion {
  static final int MAX_ATTEMPTS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(Ingestion.class);

  private final IngestStores stores;
  private final IngestPipeline pipeline;
  private final IngestConfig config;
  private final Clock clock;
  private final Retry retry = Retry.standard();

  public Ingestion(IngestStores stores, IngestPipeline pipeline, IngestConfig config, Clock clock) {
    this.stores = stores;
    this.pipeline = pipeline;
    this.config = config;
    this.clock = clock;
  }

  /** Handles "{@code key} was created" for the upload whose id is {@code uploadId}. */
  public IngestOutcome ingest(String uploadId, String key) throws Exception {
    Optional<Upload> found = retry.call("read upload", () -> stores.uploads().get(uploadId));
    if (found.isEmpty() || !key.equals(found.get().objectKey())) {
      return new IngestOutcome.Skipped("no upload expects " + key);
    }
    Upload upload = found.get();
    if (upload.status().isFinal()) {
      return new IngestOutcome.Skipped("upload " + uploadId + " is already " + upload.status());
    }
    if (upload.status() == UploadStatus.PROCESSING
        && upload.updatedAt().plus(config.lease()).isAfter(clock.instant())) {
      return new IngestOutcome.Skipped("upload " + uploadId + " is being processed");
    }
    Upload claimed;
    try {
      claimed = claim(upload);
    } catch (VersionConflictException raced) {
      return new IngestOutcome.Skipped("upload " + uploadId + " was claimed by another worker");
    }
    if (claimed.attempts() > MAX_ATTEMPTS) {
      return fail(claimed, null, "gave up after " + MAX_ATTEMPTS + " attempts"
          + (upload.reason() == null ? "" : "; last: " + upload.reason()));
    }
    return process(claimed);
  }

  private Upload claim(Upload upload) throws Exception {
    Upload current = upload;
    if (current.status() == UploadStatus.PENDING) {
      current = write(current, u -> u.withStatus(UploadStatus.UPLOADED, null));
    }
    Upload uploaded = current;
    return write(uploaded, Upload::claimed);
  }

  private IngestOutcome process(Upload claimed) throws Exception {
    long begun = System.nanoTime();
    Path dir = Files.createTempDirectory(Files.createDirectories(config.workDir().toAbsolutePath()),
        "ingest-" + claimed.id() + "-");
    IngestJob job = new IngestJob(claimed, dir);
    try {
      pipeline.run(job);
      IngestOutcome outcome = job.duplicateOf() != null ? settleOnDuplicate(job) : ready(job);
      LOG.atInfo().addKeyValue("uploadId", claimed.id()).addKeyValue("tookMs", (System.nanoTime() - begun) / 1_000_000)
          .addKeyValue("duplicateOf", job.duplicateOf()).log("ingested");
      return outcome;
    } catch (IngestFailure refused) {
      return fail(claimed, job, refused.getMessage());
    } catch (Retry.TransientFault storage) {
      return defer(claimed, job, storage);
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
      return new IngestOutcome.Deferred(claimed, "the worker is stopping; the lease will expire");
    } catch (Exception | StackOverflowError | OutOfMemoryError | LinkageError bug) {
      LOG.atError().setCause(bug).addKeyValue("uploadId", claimed.id()).log("ingest failed unexpectedly");
      return fail(claimed, job, "an internal error stopped the ingest (" + bug.getClass().getSimpleName()
          + "); quote upload " + claimed.id() + " when reporting it");
    } finally {
      deleteRecursively(dir);
    }
  }

  private IngestOutcome ready(IngestJob job) throws Exception {
    Upload written = write(job.upload(), u -> u.ready(job.trackId(), null));
    if (written.status() != UploadStatus.READY) {
      removeOutputs(written); // the original was removed while we worked: the track must not outlive it
    }
    return outcomeOf(written);
  }

  private IngestOutcome settleOnDuplicate(IngestJob job) throws Exception {
    String existing = job.duplicateOf();
    retry.run("remove duplicate original", () -> stores.media().deletePrefix(MediaLayout.prefix(job.trackId()), null));
    return outcomeOf(write(job.upload(),
        u -> u.ready(existing, "the same file is already in the catalog as track " + existing)));
  }

  private IngestOutcome fail(Upload claimed, IngestJob job, String reason) throws Exception {
    if (job != null) {
      removeOutputs(claimed);
    }
    LOG.atInfo().addKeyValue("uploadId", claimed.id()).addKeyValue("reason", reason).log("ingest failed");
    return outcomeOf(write(claimed, u -> u.withStatus(UploadStatus.FAILED, reason)));
  }

  private static IngestOutcome outcomeOf(Upload written) {
    return written.status() == UploadStatus.READY ? new IngestOutcome.Ready(written)
        : new IngestOutcome.Failed(written);
  }

  private IngestOutcome defer(Upload claimed, IngestJob job, Retry.TransientFault fault) throws Exception {
    if (claimed.attempts() >= MAX_ATTEMPTS) {
      return fail(claimed, job, "storage kept failing: " + fault.getMessage());
    }
    LOG.atWarn().addKeyValue("uploadId", claimed.id()).addKeyValue("error", fault.getMessage()).log("ingest deferred");
    Upload back = write(claimed, u -> u.withStatus(UploadStatus.UPLOADED, "will retry: " + fault.getMessage()));
    return new IngestOutcome.Deferred(back, fault.getMessage());
  }

  /** Everything the job may have written except the original: media, the tags item, the track. */
  private void removeOutputs(Upload upload) throws Exception {
    retry.run("remove partial outputs", () -> {
      stores.media().deletePrefix(MediaLayout.prefix(upload.id()), upload.objectKey());
      stores.tags().delete(upload.id());
      stores.tracks().get(upload.id()).ifPresent(t -> stores.tracks().delete(t.id(), t.version()));
    });
  }

  /**
   * Writes {@code change} to the upload at the version last seen; if someone else wrote meanwhile, re-reads
   * and applies it again. An upload that became final meanwhile (its original was removed) stays as it is.
   */
  private Upload write(Upload seen, UnaryOperator<Upload> change) throws Exception {
    Upload current = seen;
    for (int attempt = 1; ; attempt++) {
      Upload expected = current;
      try {
        Optional<Upload> written = retry.call("write upload",
            () -> stores.uploads().update(expected.id(), expected.version(), change));
        return written.orElseThrow(() -> new IllegalStateException("upload " + expected.id() + " vanished"));
      } catch (VersionConflictException conflict) {
        current = stores.uploads().get(seen.id()).orElseThrow(() -> conflict);
        if (current.status().isFinal()) {
          return current;
        }
        if (attempt >= 3 || seen.status() != current.status()) {
          throw conflict;
        }
      }
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.atWarn().addKeyValue("dir", dir).log("scratch directory not removed");
    }
  }
}
