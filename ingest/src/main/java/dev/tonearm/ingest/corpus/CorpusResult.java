package dev.tonearm.ingest.corpus;

import java.time.Duration;
import java.util.Locale;

/**
 * How one corpus file ended: READY (with the length and title ingestion found) or FAILED with its reason; or
 * CRASHED, when something escaped the pipeline's own handling, which must never happen.
 *
 * @param transcoded whether the full pipeline ran (HLS, download, publish) or the inspection steps only
 * @param titleFromTags whether the title came from a tag rather than the file name
 */
public record CorpusResult(CorpusEntry entry, Outcome outcome, String reason, Double durationSeconds,
    boolean titleFromTags, boolean transcoded, long tookMs) {

  public enum Outcome { READY, FAILED, CRASHED }

  /** A readable header with no decodable audio behind it is rightly refused; a second opinion decides. */
  private boolean decodes() {
    try {
      return DecodeCheck.decodesAudio(entry.file());
    } catch (java.io.IOException e) {
      return true;
    }
  }

  /**
   * What is wrong with this result given the manifest, or null when it is as expected. A file expected READY
   * may fail only if {@link DecodeCheck} agrees its audio does not decode.
   */
  public String mismatch(Duration maxTrackLength) {
    CorpusEntry.Expected expected = entry.expected(maxTrackLength);
    if (outcome == Outcome.CRASHED) {
      return "crashed: " + reason;
    }
    if (outcome == Outcome.FAILED && (reason == null || reason.isBlank())) {
      return "failed without a reason";
    }
    if (expected == CorpusEntry.Expected.READY && outcome != Outcome.READY && decodes()) {
      return "expected READY, failed: " + reason;
    }
    if (expected == CorpusEntry.Expected.FAILED && outcome != Outcome.FAILED) {
      return "expected FAILED, was READY";
    }
    if (outcome == Outcome.READY && entry.durationSeconds() != null && entry.durationSeconds() > 0) {
      double tolerance = Math.max(0.05, entry.durationSeconds() * 0.01);
      if (durationSeconds == null || Math.abs(durationSeconds - entry.durationSeconds()) > tolerance) {
        return String.format(Locale.ROOT, "duration %s s, manifest says %.3f s", durationSeconds,
            entry.durationSeconds());
      }
    }
    return null;
  }
}
