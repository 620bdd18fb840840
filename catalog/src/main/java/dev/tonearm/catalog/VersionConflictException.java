package dev.tonearm.catalog;

/** A write named a version that is no longer current: somebody else wrote first. */
public final class VersionConflictException extends RuntimeException {
  private final String id;
  private final long expectedVersion;

  public VersionConflictException(String id, long expectedVersion) {
    super("item " + id + " is no longer at version " + expectedVersion);
    this.id = id;
    this.expectedVersion = expectedVersion;
  }

  public String id() {
    return id;
  }

  public long expectedVersion() {
    return expectedVersion;
  }
}
