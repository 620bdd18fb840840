package dev.tonearm.server.relevance;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of a run, overall and per category, and the table and misses they print as. */
final class RelevanceReport {

  /** The label of the line over every query. */
  static final String OVERALL = "overall";
  /** A query misses when its first answer is not in the top this many. */
  static final int MISS_BELOW = 5;

  /** Success@1 and @5 are fractions of the queries; MRR@10 averages 1/rank, 0 below rank 10. */
  record Score(String category, int queries, double success1, double success5, double mrr10) {

    static Score of(String category, List<RelevanceSuite.Outcome> outcomes) {
      int at1 = 0;
      int at5 = 0;
      double reciprocal = 0;
      for (RelevanceSuite.Outcome o : outcomes) {
        at1 += o.rank() == 1 ? 1 : 0;
        at5 += o.rank() >= 1 && o.rank() <= MISS_BELOW ? 1 : 0;
        reciprocal += o.rank() >= 1 ? 1.0 / o.rank() : 0;
      }
      int n = Math.max(1, outcomes.size());
      return new Score(category, outcomes.size(), (double) at1 / n, (double) at5 / n, reciprocal / n);
    }
  }

  private RelevanceReport() {}

  /** One score per category, in the order categories first appear, then {@value #OVERALL}. */
  static List<Score> scores(List<RelevanceSuite.Outcome> outcomes) {
    Map<String, List<RelevanceSuite.Outcome>> byCategory = new LinkedHashMap<>();
    outcomes.forEach(o -> byCategory.computeIfAbsent(o.judgment().category(), k -> new ArrayList<>()).add(o));
    List<Score> scores = new ArrayList<>();
    byCategory.forEach((category, list) -> scores.add(Score.of(category, list)));
    scores.add(Score.of(OVERALL, outcomes));
    return scores;
  }

  static Score overall(List<RelevanceSuite.Outcome> outcomes) {
    return Score.of(OVERALL, outcomes);
  }

  static void print(RelevanceSuite.Results results, PrintStream out) {
    out.printf(Locale.ROOT, "%-14s %7s %10s %10s %8s%n", "category", "queries", "success@1", "success@5", "MRR@10");
    for (Score s : scores(results.outcomes())) {
      out.printf(Locale.ROOT, "%-14s %7d %9.1f%% %9.1f%% %8.3f%n", s.category(), s.queries(), 100 * s.success1(),
          100 * s.success5(), s.mrr10());
    }
    List<RelevanceSuite.Outcome> misses = results.outcomes().stream()
        .filter(o -> o.rank() == 0 || o.rank() > MISS_BELOW).toList();
    out.printf(Locale.ROOT, "%nnot in the top %d: %d%n", MISS_BELOW, misses.size());
    for (RelevanceSuite.Outcome o : misses) {
      Judgment j = o.judgment();
      out.printf(Locale.ROOT, "  [%s] \"%s\" → %s · %s (rank %s)%n", j.category(), j.query(), j.title(), j.artist(),
          o.rank() == 0 ? "> " + RelevanceSuite.DEPTH : o.rank());
      o.top().stream().limit(3).forEach(hit -> out.println("      " + hit));
    }
    for (Judgment j : results.unanswerable()) {
      out.printf(Locale.ROOT, "judgments line %d: no track of the corpus answers \"%s\" (%s · %s)%n", j.line(),
          j.query(), j.title(), j.artist());
    }
  }
}
