package dev.tonearm.snapshots;

import java.io.IOException;
import java.nio.file.Files;

/** The contract on a local directory. */
class LocalDirSnapshotStoreTest extends IndexGenerationsContract {

  @Override
  protected SnapshotStore newStore() throws IOException {
    return new LocalDirSnapshotStore(Files.createDirectories(tmp.resolve("store")));
  }

  /** A root that is not there, as an unmounted volume would not be. */
  @Override
  protected SnapshotStore unreachableStore() {
    return new LocalDirSnapshotStore(tmp.resolve("not-mounted"));
  }

  @Override
  protected boolean conditionalWritesAreAtomic() {
    return true;
  }
}
