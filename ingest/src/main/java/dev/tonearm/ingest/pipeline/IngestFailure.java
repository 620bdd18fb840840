package dev.tonearm.ingest.pipeline;

/**
 * The file cannot become a track: corrupt, not audio, too long, not what was declared. The message is the
 * upload's reason, written for the person who uploaded it. Never retried.
 */
public final class IngestFailure extends Exception {
  public IngestFailure(String reason) {
    super(reason);
  }
}
