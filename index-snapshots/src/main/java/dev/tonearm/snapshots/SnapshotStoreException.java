package dev.tonearm.snapshots;

/** The store could not be reached or refused an operation; nothing was changed locally. Retrying may help. */
public final class SnapshotStoreException extends SnapshotException {

  public SnapshotStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
