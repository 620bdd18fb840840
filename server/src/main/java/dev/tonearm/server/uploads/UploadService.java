package dev.tonearm.server.uploads;

import dev.tonearm.catalog.MediaLayout;
import dev.tonearm.catalog.Page;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackStatus;
import dev.tonearm.catalog.TrackTags;
import dev.tonearm.catalog.Upload;
import dev.tonearm.catalog.UploadStatus;
import dev.tonearm.catalog.VersionConflictException;
import dev.tonearm.catalog.Viewer;
import dev.tonearm.server.auth.Caller;
import dev.tonearm.server.http.Problem;
import dev.tonearm.server.tracks.Cursors;
import dev.tonearm.server.tracks.TrackIds;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The rules of the upload API. A file whose content is already a READY track the caller may see (public, or
 * their own) is answered with that track and moves no bytes; another user's private track with the same
 * content is never revealed — that upload proceeds as if it were new. Otherwise the upload allocates the id of
 * the track it will become and hands out presigned URLs for {@code tracks/<id>/original.<ext>}. Uploads are
 * seen by their owner and admins only; to anyone else they do not exist (404).
 */
public final class UploadService {
  private static final Logger LOG = LoggerFactory.getLogger(UploadService.class);
  private static final String CURSOR_PREFIX = "uploads:";

  private final UploadCatalog catalog;
  private final UploadStorage storage;
  private final UploadLimits limits;
  private final Cursors cursors;
  private final Clock clock;

  public UploadService(UploadCatalog catalog, UploadStorage storage, UploadLimits limits, Cursors cursors,
      Clock clock) {
    this.catalog = catalog;
    this.storage = storage;
    this.limits = limits;
    this.cursors = cursors;
    this.clock = clock;
  }

  public UploadLimits limits() {
    return limits;
  }

  /** What {@code POST /v1/uploads} made: bytes to send, or an existing track that already has them. */
  public sealed interface Created {}

  /** A new upload: one presigned PUT ({@code put}), or parts of {@code partSize} bytes. */
  public record Fresh(Upload upload, UploadStorage.Signed put, long partSize, List<UploadStorage.Signed> parts)
      implements Created {}

  /** The content is already a track the caller may see: the upload is READY with it, nothing to send. */
  public record Known(Upload upload) implements Created {}

  public Created create(Caller caller, UploadRequest request) {
    Instant now = clock.instant();
    Optional<Track> existing = existingTrack(caller.viewer(), request.sha256());
    if (existing.isPresent()) {
      String trackId = existing.get().id();
      Upload known = new Upload(TrackIds.next(), caller.userId(), request.fileName(), request.size(),
          request.contentType(), request.sha256(), request.visibility(), UploadStatus.READY,
          "the same file is already in the catalog as track " + trackId + "; nothing was uploaded", trackId,
          null, null, 0, null, now, now, 1);
      return new Known(catalog.uploads().create(known));
    }
    String id = TrackIds.next();
    String key = MediaLayout.original(id, request.extension());
    return limits.isMultipart(request.size()) ? multipart(caller, request, id, key, now)
        : single(caller, request, id, key, now);
  }

  private Fresh single(Caller caller, UploadRequest request, String id, String key, Instant now) {
    Upload upload = catalog.uploads().create(pending(caller, request, id, key, null, now, limits.singleTtl()));
    UploadStorage.Signed put = storage.presignPut(key, request.contentType(), request.size(), request.sha256(),
        limits.singleTtl());
    return new Fresh(upload, put, 0, List.of());
  }

  private Fresh multipart(Caller caller, UploadRequest request, String id, String key, Instant now) {
    String multipartId = storage.startMultipart(key, request.contentType());
    Upload upload;
    try {
      upload = catalog.uploads().create(pending(caller, request, id, key, multipartId, now,
          limits.multipartTtl()));
    } catch (RuntimeException e) {
      storage.abortMultipart(key, multipartId);
      throw e;
    }
    long partSize = limits.partSizeFor(request.size());
    return new Fresh(upload, null, partSize,
        storage.presignParts(key, multipartId, request.size(), partSize, limits.multipartTtl()));
  }

  private static Upload pending(Caller caller, UploadRequest request, String id, String key, String multipartId,
      Instant now, java.time.Duration ttl) {
    return new Upload(id, caller.userId(), request.fileName(), request.size(), request.contentType(),
        request.sha256(), request.visibility(), UploadStatus.PENDING, null, null, key, multipartId, 0,
        now.plus(ttl), now, now, 1);
  }

  /** A READY track with this content that the caller may see: their own first, then the oldest. */
  private Optional<Track> existingTrack(Viewer viewer, String sha256) {
    return catalog.tracks().findBySha256(sha256).stream()
        .filter(t -> t.status() == TrackStatus.READY && t.isVisibleTo(viewer))
        .min(Comparator.comparing((Track t) -> !t.owner().equals(viewer.userId()))
            .thenComparing(Track::createdAt).thenComparing(Track::id));
  }

  public Upload get(Caller caller, String id) {
    return catalog.uploads().get(id).filter(u -> u.isVisibleTo(caller.viewer()))
        .orElseThrow(() -> Problem.notFound("no upload with id '" + id + "'"));
  }

  /** The tags ingestion stored for the upload's own track, once READY. */
  public Optional<TrackTags> tags(Upload upload) {
    if (upload.status() != UploadStatus.READY || !upload.id().equals(upload.trackId())) {
      return Optional.empty();
    }
    return catalog.tags().get(upload.id());
  }

  /** A page of the caller's uploads, newest first, and the cursor of the next one (null at the end). */
  public record Listing(List<Upload> items, String nextCursor) {}

  public Listing list(Caller caller, String cursor, int limit) {
    String after = null;
    if (cursor != null) {
      String position = cursors.open(caller.userId(), cursor);
      if (!position.startsWith(CURSOR_PREFIX)) {
        throw Problem.badRequest("cursor is not a cursor of this listing");
      }
      after = position.substring(CURSOR_PREFIX.length());
    }
    Page<Upload> page = catalog.uploads().listByOwner(caller.userId(), after, limit);
    return new Listing(page.items(),
        page.hasMore() ? cursors.issue(caller.userId(), CURSOR_PREFIX + page.lastId()) : null);
  }

  /** Assembles a multipart upload from its parts' ETags; the upload is then UPLOADED. */
  public Upload complete(Caller caller, String id, Map<Integer, String> etags) {
    Upload upload = get(caller, id);
    if (upload.multipartId() == null) {
      throw Problem.conflict("upload " + id + " is a single PUT; there are no parts to complete");
    }
    if (upload.status() != UploadStatus.PENDING) {
      throw Problem.conflict("upload " + id + " is already " + upload.status());
    }
    if (upload.expiresAt() != null && upload.expiresAt().isBefore(clock.instant())) {
      throw Problem.conflict("upload " + id + " expired at " + upload.expiresAt() + "; start a new one");
    }
    try {
      storage.completeMultipart(upload.objectKey(), upload.multipartId(), etags);
    } catch (S3Exception refused) {
      throw storageRefusal(id, refused);
    }
    LOG.atInfo().addKeyValue("uploadId", id).addKeyValue("parts", etags.size()).log("multipart upload completed");
    return markUploaded(id);
  }

  private Upload markUploaded(String id) {
    for (int attempt = 1; attempt <= 5; attempt++) {
      Upload current = catalog.uploads().get(id).orElseThrow(() -> Problem.notFound("upload " + id + " is gone"));
      if (current.status() != UploadStatus.PENDING) {
        return current; // the event source saw the file first
      }
      try {
        return catalog.uploads().update(id, current.version(), u -> u.withStatus(UploadStatus.UPLOADED, null))
            .orElseThrow(() -> Problem.notFound("upload " + id + " is gone"));
      } catch (VersionConflictException raced) {
        // look again
      }
    }
    return catalog.uploads().get(id).orElseThrow();
  }

  private static RuntimeException storageRefusal(String id, S3Exception refused) {
    String code = refused.awsErrorDetails() == null ? "" : refused.awsErrorDetails().errorCode();
    return switch (refused.statusCode()) {
      case 404 -> Problem.conflict("upload " + id + " was already completed or abandoned (" + code + ")");
      case 412 -> Problem.conflict("a file is already stored for upload " + id);
      case 400 -> Problem.badRequest("the parts do not make the file (" + code + "): "
          + refused.awsErrorDetails().errorMessage());
      default -> refused;
    };
  }
}
