package dev.tonearm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tonearm.ingest.corpus.CorpusEntry;
import dev.tonearm.ingest.corpus.CorpusResult;
import dev.tonearm.ingest.corpus.CorpusRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every file of the shared audio corpora, through the pipeline over DynamoDB Local and S3Mock: valid files
 * READY with the length their manifest states, broken ones FAILED with a reason, nothing crashing. Every file
 * is inspected (probe, tags, art); one in sixteen of those expected READY, and every file of unknown length,
 * also goes through the worker's full pipeline (HLS, download, publish). {@code ./tonearm ingest-corpus}
 * transcodes them all.
 */
class CorpusIngestTest {
  private static final Logger LOG = LoggerFactory.getLogger(CorpusIngestTest.class);

  /** The corpora live beside the checkout: {@code <checkout>/../shared/datasets/audio}. */
  static Path audioRoot() {
    Path checkout = Path.of("").toAbsolutePath().getParent();
    return checkout.resolveSibling("shared").resolve("datasets").resolve("audio");
  }

  @Test
  void every_corpus_file_ends_as_its_manifest_implies_and_none_crashes_the_worker() throws Exception {
    Path root = audioRoot();
    assumeTrue(Files.isDirectory(root), "the shared audio corpora are not at " + root + ": corpus test skipped");
    List<CorpusEntry> entries = CorpusEntry.readAll(root);
    try (IngestFixture fixture = new IngestFixture()) {
      Duration max = fixture.ingest.config().maxTrackLength();
      Predicate<CorpusEntry> transcode = e -> e.expected(max) == CorpusEntry.Expected.EITHER
          || (e.expected(max) == CorpusEntry.Expected.READY && Math.floorMod(e.path().hashCode(), 16) == 0);
      long begun = System.nanoTime();

      List<CorpusResult> results = new CorpusRun(fixture.ingest, fixture.s3, fixture.clock).run(entries, transcode, 2);

      String report = CorpusRun.report(results, max, (System.nanoTime() - begun) / 1_000_000);
      LOG.atInfo().log("corpus ingest\n{}", report);
      List<String> mismatches = results.stream().filter(r -> r.mismatch(max) != null)
          .map(r -> r.entry().corpus() + "/" + r.entry().path() + ": " + r.mismatch(max)).toList();
      assertThat(results).hasSize(entries.size());
      assertThat(mismatches).as(report).isEmpty();
      assertThat(results).filteredOn(CorpusResult::transcoded).hasSizeGreaterThan(40);
    }
  }
}
