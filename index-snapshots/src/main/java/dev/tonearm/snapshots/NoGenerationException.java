package dev.tonearm.snapshots;

/** The store holds no published generation yet, so there is nothing to restore. */
public final class NoGenerationException extends SnapshotException {

  public NoGenerationException(String message) {
    super(message, null);
  }
}
