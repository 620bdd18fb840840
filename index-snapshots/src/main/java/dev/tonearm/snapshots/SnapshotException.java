package dev.tonearm.snapshots;

import java.io.IOException;

/**
 * The few ways index generations can fail, as checked exceptions the caller must decide about: the store did
 * not answer ({@link SnapshotStoreException}, retry later), a generation is corrupt or incomplete
 * ({@link CorruptGenerationException}, stay where you are), another writer advanced first
 * ({@link GenerationConflictException}, restore and retry), or there is nothing to restore
 * ({@link NoGenerationException}).
 */
public abstract sealed class SnapshotException extends IOException
    permits SnapshotStoreException, CorruptGenerationException, GenerationConflictException, NoGenerationException {

  SnapshotException(String message, Throwable cause) {
    super(message, cause);
  }
}
