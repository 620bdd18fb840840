package dev.tonearm.snapshots;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where index generations live: a flat namespace of immutable-by-convention objects keyed by {@code /}-separated
 * names, as S3 has. Every write is atomic (an object is visible whole or not at all). Publishing relies on
 * {@link #createIfAbsent} being atomic: of many concurrent creators of one key exactly one succeeds.
 *
 * <p>Every method throws {@link SnapshotStoreException} when the store cannot be reached; absence is never an
 * exception.
 */
public interface SnapshotStore {

  /** Uploads {@code file} to {@code key}, replacing whatever was there. */
  void put(String key, Path file) throws SnapshotStoreException;

  /** Downloads {@code key} to {@code target} (replaced if present); false when the object does not exist. */
  boolean download(String key, Path target) throws SnapshotStoreException;

  /** Reads a small object whole, with its version tag; empty when it does not exist. */
  Optional<Blob> get(String key) throws SnapshotStoreException;

  /** Creates {@code key} only if no object has it: true if this call created it, false if it already existed. */
  boolean createIfAbsent(String key, byte[] content) throws SnapshotStoreException;

  /**
   * Replaces {@code key} only if its current version tag is {@code etag}: false when the object changed or is
   * gone meanwhile.
   */
  boolean replaceIfMatch(String key, byte[] content, String etag) throws SnapshotStoreException;

  /** The objects whose keys start with {@code prefix} and sort after {@code startAfter} (null: all), in key order. */
  List<ObjectInfo> list(String prefix, String startAfter) throws SnapshotStoreException;

  /** Deletes the keys; missing ones are ignored. */
  void delete(Collection<String> keys) throws SnapshotStoreException;

  /** A small object's content and its version tag (an S3 ETag, or the local store's content hash). */
  record Blob(byte[] content, String etag) {}

  /** One listed object: its key, its size, and when it was last written (by the store's clock). */
  record ObjectInfo(String key, long size, Instant lastModified) {}
}
