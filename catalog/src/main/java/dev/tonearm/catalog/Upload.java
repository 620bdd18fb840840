package dev.tonearm.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * One file a user is putting into the catalog, from the moment an upload URL is handed out until its track is
 * READY or the upload FAILED. An upload that moves bytes allocates the id of the track it will become, so
 * {@code id} is also that track's id and the file lands at {@code tracks/<id>/original.<ext>}; an upload
 * answered by a track already in the catalog moves no bytes and points {@code trackId} at that track.
 *
 * @param sha256 the content hash the client declared, lower-case hex
 * @param reason a human-readable explanation of the status (why it failed, why it will be retried), or null
 * @param trackId the track this upload became, once READY; null before
 * @param objectKey where the file goes in the media bucket; null when no bytes move
 * @param multipartId the storage's multipart upload id for large files; null for a single PUT
 * @param attempts how many times a worker has claimed it
 * @param version grows by one on every write, like a track's
 */
public record Upload(
    String id,
    String owner,
    String fileName,
    long size,
    String contentType,
    String sha256,
    Visibility visibility,
    UploadStatus status,
    String reason,
    String trackId,
    String objectKey,
    String multipartId,
    int attempts,
    Instant expiresAt,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public Upload {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(visibility, "visibility");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** The owner and admins see an upload; nobody else learns it exists. */
  public boolean isVisibleTo(Viewer viewer) {
    return viewer.admin() || owner.equals(viewer.userId());
  }

  /** A copy in {@code status} with {@code reason} (null clears it). */
  public Upload withStatus(UploadStatus status, String reason) {
    return new Upload(id, owner, fileName, size, contentType, sha256, visibility, status, reason, trackId,
        objectKey, multipartId, attempts, expiresAt, createdAt, updatedAt, version);
  }

  /** A copy READY as {@code trackId}. */
  public Upload ready(String trackId, String reason) {
    return new Upload(id, owner, fileName, size, contentType, sha256, visibility, UploadStatus.READY, reason,
        trackId, objectKey, multipartId, attempts, expiresAt, createdAt, updatedAt, version);
  }

  /** A copy claimed by a worker: PROCESSING, one more attempt. */
  public Upload claimed() {
    return new Upload(id, owner, fileName, size, contentType, sha256, visibility, UploadStatus.PROCESSING, null,
        trackId, objectKey, multipartId, attempts + 1, expiresAt, createdAt, updatedAt, version);
  }

  /** A copy with the bookkeeping of the next write: {@code version + 1} and {@code updatedAt = now}. */
  public Upload nextVersion(Instant now) {
    return new Upload(id, owner, fileName, size, contentType, sha256, visibility, status, reason, trackId,
        objectKey, multipartId, attempts, expiresAt, createdAt, now, version + 1);
  }
}
