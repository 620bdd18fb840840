package dev.tonearm.server.relevance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./tonearm relevance}: runs the judged queries over the corpus read from {@code <datasetsDir>} and prints
 * the figures. Exits 1 when a judgment names a track the corpus lacks, so the suite cannot rot unnoticed, and 2
 * on bad arguments.
 */
public final class RelevanceRun {

  private RelevanceRun() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
      System.err.println("usage: RelevanceRun <datasetsDir>   (the shared data sets, e.g. ../shared/datasets)");
      System.exit(2);
    }
    long started = System.nanoTime();
    List<RelevanceCorpus.Entry> corpus = RelevanceCorpus.load(Path.of(args[0]));
    RelevanceSuite.Results results = RelevanceSuite.run(corpus, Judgment.load());
    RelevanceReport.print(results, System.out);
    System.out.printf("%n%d queries over %d tracks in %d ms%n", results.outcomes().size(), corpus.size(),
        (System.nanoTime() - started) / 1_000_000);
    if (!results.unanswerable().isEmpty()) {
      System.exit(1);
    }
  }
}
