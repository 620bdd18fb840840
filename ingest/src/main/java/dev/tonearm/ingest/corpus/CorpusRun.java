package dev.tonearm.ingest.corpus;

import dev.tonearm.catalog.MediaLayout;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.Upload;
import dev.tonearm.catalog.UploadStatus;
import dev.tonearm.catalog.Visibility;
import dev.tonearm.ingest.Ingest;
import dev.tonearm.ingest.IngestOutcome;
import dev.tonearm.ingest.IngestWorker;
import dev.tonearm.ingest.S3Events;
import dev.tonearm.ingest.pipeline.IngestFailure;
import dev.tonearm.ingest.pipeline.IngestJob;
import dev.tonearm.ingest.pipeline.IngestPipeline;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Ingests corpus files as uploads would arrive: each is put where its presigned PUT would land, given an
 * upload record, and handed over as an S3 event. Files chosen for transcoding go through the worker and the
 * whole pipeline; the others through the inspection steps (everything up to the transcode), which is what
 * decides READY or FAILED for all but a file that fails to decode. Behind {@code ./tonearm ingest-corpus} and
 * the corpus test.
 */
public final class CorpusRun {
  private final Ingest ingest;
  private final S3Client s3;
  private final IngestWorker worker;
  private final IngestPipeline inspection;
  private final Clock clock;

  public CorpusRun(Ingest ingest, S3Client s3, Clock clock) {
    this.ingest = ingest;
    this.s3 = s3;
    this.worker = ingest.worker();
    this.inspection = ingest.inspection();
    this.clock = clock;
  }

  /** Runs every entry on {@code threads} threads; {@code transcode} picks those that get the full pipeline. */
  public List<CorpusResult> run(List<CorpusEntry> entries, Predicate<CorpusEntry> transcode, int threads)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<CorpusResult>> futures = new ArrayList<>();
      for (CorpusEntry entry : entries) {
        futures.add(pool.submit(() -> one(entry, transcode.test(entry))));
      }
      List<CorpusResult> results = new ArrayList<>();
      for (Future<CorpusResult> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  CorpusResult one(CorpusEntry entry, boolean transcode) {
    long begun = System.nanoTime();
    Upload upload = null;
    try {
      upload = stage(entry);
      return transcode ? throughWorker(entry, upload, begun) : inspected(entry, upload, begun);
    } catch (Throwable t) {
      return new CorpusResult(entry, CorpusResult.Outcome.CRASHED, t.toString(), null, false, transcode,
          millisSince(begun));
    } finally {
      if (upload != null) {
        forget(upload);
      }
    }
  }

  /**
   * Deletes a judged file's objects. S3Mock rewrites its whole bucket index on every write, so a bucket holding
   * every corpus file's HLS segments would make each write slower than the last.
   */
  private void forget(Upload upload) {
    try {
      ingest.stores().media().deletePrefix(MediaLayout.prefix(upload.id()), null);
    } catch (RuntimeException e) {
      // only evidence is lost: the next file's writes are a little slower
    }
  }

  private CorpusResult throughWorker(CorpusEntry entry, Upload upload, long begun) throws Exception {
    IngestOutcome outcome = worker.handle(S3Events.record(S3Events.CREATED_PUT, ingest.config().mediaBucket(),
        upload.objectKey(), upload.size(), null, clock.instant()));
    Upload after = ingest.stores().uploads().get(upload.id()).orElseThrow();
    if (outcome instanceof IngestOutcome.Ready && after.status() == UploadStatus.READY) {
      Track track = ingest.stores().tracks().get(after.trackId()).orElseThrow();
      Double seconds = track.durationMs() == null ? null : track.durationMs() / 1000.0;
      return new CorpusResult(entry, CorpusResult.Outcome.READY, after.reason(), seconds,
          !track.title().equals(fileNameTitle(entry)), true, millisSince(begun));
    }
    if (after.status() == UploadStatus.FAILED) {
      return new CorpusResult(entry, CorpusResult.Outcome.FAILED, after.reason(), null, false, true,
          millisSince(begun));
    }
    return new CorpusResult(entry, CorpusResult.Outcome.CRASHED, "ended " + after.status() + ": " + outcome,
        null, false, true, millisSince(begun));
  }

  private CorpusResult inspected(CorpusEntry entry, Upload upload, long begun) throws Exception {
    Path dir = Files.createTempDirectory(Files.createDirectories(ingest.config().workDir().toAbsolutePath()),
        "corpus-");
    try {
      IngestJob job = new IngestJob(upload, dir);
      inspection.run(job);
      return new CorpusResult(entry, CorpusResult.Outcome.READY, null, job.probe().durationSeconds(),
          !job.tags().title().equals(fileNameTitle(entry)), false, millisSince(begun));
    } catch (IngestFailure refused) {
      return new CorpusResult(entry, CorpusResult.Outcome.FAILED, refused.getMessage(), null, false, false,
          millisSince(begun));
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The object and the upload record a presigned PUT and {@code POST /v1/uploads} would have made. */
  private Upload stage(CorpusEntry entry) throws Exception {
    String id = UUID.randomUUID().toString();
    String name = entry.file().getFileName().toString();
    String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
        .replaceAll("[^0-9a-z]", "") : "";
    String key = MediaLayout.original(id, extension.isEmpty() || extension.length() > 8 ? "bin" : extension);
    var now = clock.instant();
    // an owner per file: corpora share files, and each must be ingested, not settled on another's track
    Upload upload = new Upload(id, "corpus-" + id, name, Files.size(entry.file()), "audio/" + extension,
        sha256(entry.file()), Visibility.PRIVATE, UploadStatus.PENDING, null, null, key, null, 0,
        now.plusSeconds(3600), now, now, 1);
    s3.putObject(b -> b.bucket(ingest.config().mediaBucket()).key(key), RequestBody.fromFile(entry.file()));
    return ingest.stores().uploads().create(upload);
  }

  private static String fileNameTitle(CorpusEntry entry) {
    return dev.tonearm.ingest.tags.TagInterpreter.interpret(new dev.tonearm.ingest.tags.RawTags(),
        entry.file().getFileName().toString()).title();
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static long millisSince(long begun) {
    return (System.nanoTime() - begun) / 1_000_000;
  }

  /** Per corpus: files, READY, FAILED, CRASHED, how many were transcoded, and mismatches with the manifest. */
  public static String report(List<CorpusResult> results, java.time.Duration maxTrackLength, long tookMs) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-16s %6s %6s %6s %7s %10s %10s%n",
        "corpus", "files", "READY", "FAILED", "CRASHED", "transcoded", "mismatches"));
    List<String> corpora = results.stream().map(r -> r.entry().corpus()).distinct().sorted().toList();
    for (String corpus : corpora) {
      List<CorpusResult> of = results.stream().filter(r -> r.entry().corpus().equals(corpus)).toList();
      out.append(line(corpus, of, maxTrackLength));
    }
    out.append(line("total", results, maxTrackLength));
    out.append(String.format(Locale.ROOT, "took %.1f s%n", tookMs / 1000.0));
    return out.toString();
  }

  private static String line(String name, List<CorpusResult> of, java.time.Duration max) {
    return String.format(Locale.ROOT, "%-16s %6d %6d %6d %7d %10d %10d%n", name, of.size(),
        count(of, CorpusResult.Outcome.READY), count(of, CorpusResult.Outcome.FAILED),
        count(of, CorpusResult.Outcome.CRASHED), of.stream().filter(CorpusResult::transcoded).count(),
        of.stream().filter(r -> r.mismatch(max) != null).count());
  }

  private static long count(List<CorpusResult> results, CorpusResult.Outcome outcome) {
    return results.stream().filter(r -> r.outcome() == outcome).count();
  }
}
