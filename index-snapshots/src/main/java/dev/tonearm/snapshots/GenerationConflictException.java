package dev.tonearm.snapshots;

/**
 * Another writer published the generation this one meant to publish, or a later one. This writer's commit is not
 * visible anywhere; it must restore the newest generation and apply its changes again.
 */
public final class GenerationConflictException extends SnapshotException {
  private final long expected;
  private final long found;

  public GenerationConflictException(long expected, long found) {
    super("this writer continues generation " + expected + " but the store's newest generation is " + found
        + "; restore the newest generation and retry", null);
    this.expected = expected;
    this.found = found;
  }

  /** The generation this writer had restored or last published. */
  public long expected() {
    return expected;
  }

  /** The store's newest generation when the conflict was found. */
  public long found() {
    return found;
  }
}
