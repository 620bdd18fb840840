package dev.tonearm.catalog;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Reads and writes tracks. Every write is conditional on the version it read. */
public interface TrackRepository {

  /** Stores a new track at version 1; {@link AlreadyExistsException} if the id is taken. */
  Track create(Track track);

  /**
   * Stores many new tracks with batch writes (no per-item condition: callers pass fresh ids). Returns how many
   * were written.
   */
  int createAll(List<Track> tracks);

  Optional<Track> get(String id);

  /**
   * Applies {@code change} to the stored track at {@code expectedVersion} and stores the result at the next
   * version. {@link VersionConflictException} if the stored version differs; empty if the track is gone.
   */
  Optional<Track> update(String id, long expectedVersion, UnaryOperator<Track> change);

  /**
   * Deletes the track if it is still at {@code expectedVersion}; {@link VersionConflictException} if it is at
   * another; false if it is already gone.
   */
  boolean delete(String id, long expectedVersion);

  /** Tracks {@code viewer} may see, in id order, strictly after {@code afterId} (null = from the start). */
  Page<Track> listVisible(Viewer viewer, String afterId, int limit);

  /** Tracks whose original file name is exactly {@code fileName}, in id order. */
  List<Track> findByFileName(String fileName);

  /** Tracks whose content hash is {@code sha256}. */
  List<Track> findBySha256(String sha256);
}
