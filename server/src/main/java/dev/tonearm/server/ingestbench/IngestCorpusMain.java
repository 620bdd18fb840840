package dev.tonearm.server.ingestbench;

import dev.tonearm.ingest.corpus.CorpusEntry;
import dev.tonearm.ingest.corpus.CorpusResult;
import dev.tonearm.ingest.corpus.CorpusRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * {@code ./tonearm ingest-corpus <datasetsDir> [--inspect-only] [--threads N] [--match TEXT]}: every file of
 * the audio corpora (or those whose corpus/path contains TEXT) through ingestion over DynamoDB Local and
 * S3Mock — the full pipeline (HLS, download, publish) unless {@code --inspect-only} — then READY/FAILED per
 * corpus, the files whose outcome contradicts their manifest, and the time taken.
 */
public final class IngestCorpusMain {
  static final String USAGE = "usage: ingest-corpus <datasetsDir> [--inspect-only] [--threads N] [--match TEXT]";

  private IngestCorpusMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      fail(USAGE);
    }
    Path audio = Path.of(args[0]).resolve("audio");
    boolean inspectOnly = false;
    int threads = 2;
    String match = "";
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--inspect-only" -> inspectOnly = true;
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--match" -> match = args[++i];
        default -> fail("unknown option " + args[i] + "\n" + USAGE);
      }
    }
    if (!Files.isDirectory(audio)) {
      fail("no audio corpora at " + audio);
    }
    String text = match;
    List<CorpusEntry> entries = CorpusEntry.readAll(audio).stream()
        .filter(e -> (e.corpus() + "/" + e.path()).contains(text)).toList();
    System.out.printf("ingesting %d files (%s, %d threads, %d cores)%n", entries.size(),
        inspectOnly ? "inspection steps only" : "full pipeline", threads, Runtime.getRuntime().availableProcessors());
    try (LocalParts parts = new LocalParts()) {
      Duration max = parts.ingest.config().maxTrackLength();
      boolean transcode = !inspectOnly;
      long begun = System.nanoTime();
      List<CorpusResult> results = new CorpusRun(parts.ingest, parts.s3, Clock.systemUTC())
          .run(entries, e -> transcode, threads);
      System.out.print(CorpusRun.report(results, max, (System.nanoTime() - begun) / 1_000_000));
      results.stream().filter(r -> r.mismatch(max) != null).forEach(r -> System.out.printf("  mismatch %s/%s: %s%n",
          r.entry().corpus(), r.entry().path(), r.mismatch(max)));
    }
    System.exit(0);
  }

  private static void fail(String message) {
    System.err.println(message);
    System.exit(2);
  }
}
