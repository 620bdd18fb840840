package dev.tonearm.ingest.pipeline;

/**
 * One step of the pipeline. Steps are idempotent: running one again after a crash or a transient fault writes
 * the same keys with the same content. A step throws {@link IngestFailure} when the file cannot become a track;
 * anything else it throws is judged transient or a bug by the caller.
 */
public interface Step {

  /** Short, for logs and reasons: "verify checksum". */
  String name();

  void run(IngestJob job) throws Exception;
}
