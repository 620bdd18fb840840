package dev.tonearm.server.relevance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The judged queries over the real data sets: every judgment answerable, and ranking no worse than measured. */
class RelevanceSuiteTest {

  @Test
  void judged_queries_hold_their_measured_level_on_the_real_data() throws Exception {
    Path datasets = repoRoot().resolve("../shared/datasets").normalize();
    if (!Files.isDirectory(datasets.resolve("catalog"))) {
      fail("the relevance suite needs the shared data sets at " + datasets + " (../shared/datasets beside the repo)");
    }
    List<RelevanceCorpus.Entry> corpus = RelevanceCorpus.load(datasets);
    RelevanceSuite.Results results = RelevanceSuite.run(corpus, Judgment.load());
    String report = report(results);

    assertThat(results.unanswerable()).as(report).isEmpty();
    assertThat(results.outcomes()).hasSizeGreaterThanOrEqualTo(200);
    RelevanceReport.Score overall = RelevanceReport.overall(results.outcomes());
    // A floor just below the level measured (success@5 99.6 %, MRR@10 0.958, the one miss "xx"), so ranking
    // cannot regress unnoticed; the product target is success@5 98 %, MRR@10 0.9. See docs/benchmarks.md.
    assertThat(overall.success5()).as(report).isGreaterThanOrEqualTo(0.995);
    assertThat(overall.mrr10()).as(report).isGreaterThanOrEqualTo(0.955);
  }

  @Test
  void every_category_has_at_least_twenty_queries() throws Exception {
    assertThat(Judgment.load().stream().collect(java.util.stream.Collectors.groupingBy(Judgment::category,
        java.util.stream.Collectors.counting())))
        .containsOnlyKeys("exact", "prefix-1-5", "typo", "diacritics", "punctuation", "article", "featured",
            "non-latin")
        .allSatisfy((category, count) -> assertThat(count).as(category).isGreaterThanOrEqualTo(20));
  }

  private static String report(RelevanceSuite.Results results) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RelevanceReport.print(results, new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The directory with both {@code tonearm} and {@code pom.xml}, found by walking up from the working dir. */
  private static Path repoRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("tonearm")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no Tonearm checkout (a dir with tonearm and pom.xml) above "
        + Path.of("").toAbsolutePath());
  }
}
