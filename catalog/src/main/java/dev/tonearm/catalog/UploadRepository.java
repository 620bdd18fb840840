package dev.tonearm.catalog;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Reads and writes uploads. Every write is conditional on the version it read, as for tracks. */
public interface UploadRepository {

  /** Stores a new upload at version 1; {@link AlreadyExistsException} if the id is taken. */
  Upload create(Upload upload);

  Optional<Upload> get(String id);

  /**
   * Applies {@code change} to the stored upload at {@code expectedVersion} and stores the result at the next
   * version. {@link VersionConflictException} if the stored version differs; empty if the upload is gone.
   */
  Optional<Upload> update(String id, long expectedVersion, UnaryOperator<Upload> change);

  /**
   * The uploads of {@code owner}, newest first, strictly after the position {@code after} (null = from the
   * newest). The page's {@code lastId} is an opaque position to pass back, not an upload id.
   */
  Page<Upload> listByOwner(String owner, String after, int limit);

  /** Up to {@code limit} uploads in {@code status}, oldest first; only the non-final statuses are indexed. */
  List<Upload> listOpen(UploadStatus status, int limit);
}
