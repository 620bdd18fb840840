package dev.tonearm.snapshots;

/**
 * A generation in the store cannot be used: a file is missing, has the wrong length or fails its Lucene checksum,
 * or the manifest is unreadable. Whoever was syncing stays on the generation it had.
 */
public final class CorruptGenerationException extends SnapshotException {
  private final long generation;

  public CorruptGenerationException(long generation, String message, Throwable cause) {
    super("generation " + generation + ": " + message, cause);
    this.generation = generation;
  }

  public long generation() {
    return generation;
  }
}
