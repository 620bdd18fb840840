package dev.tonearm.snapshots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The store on S3: keys under {@code prefix} in one bucket. Conditional writes use S3's {@code If-None-Match: *}
 * and {@code If-Match: <etag>} on PutObject, which S3 evaluates atomically ("the first write to finish wins";
 * a concurrent conditional write may get 409, which counts as losing).
 */
public final class S3SnapshotStore implements SnapshotStore {
  private static final int PRECONDITION_FAILED = 412;
  private static final int CONFLICT = 409;
  private static final int NOT_FOUND = 404;
  private static final int DELETE_BATCH = 1000;

  private final S3Client s3;
  private final String bucket;
  private final String prefix;

  /** {@code prefix} is prepended to every key: {@code ""} or e.g. {@code "index/"}. */
  public S3SnapshotStore(S3Client s3, String bucket, String prefix) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
  }

  @Override
  public void put(String key, Path file) throws SnapshotStoreException {
    call("upload", key, () -> s3.putObject(b -> b.bucket(bucket).key(prefix + key), RequestBody.fromFile(file)));
  }

  @Override
  public boolean download(String key, Path target) throws SnapshotStoreException {
    return call("download", key, () -> {
      try {
        Files.deleteIfExists(target); // the SDK refuses to overwrite a file
        s3.getObject(b -> b.bucket(bucket).key(prefix + key), ResponseTransformer.toFile(target));
        return true;
      } catch (NoSuchKeyException missing) {
        return false;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Override
  public Optional<Blob> get(String key) throws SnapshotStoreException {
    return call("read", key, () -> {
      try {
        ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + key));
        return Optional.of(new Blob(bytes.asByteArray(), bytes.response().eTag()));
      } catch (NoSuchKeyException missing) {
        return Optional.empty();
      }
    });
  }

  @Override
  public boolean createIfAbsent(String key, byte[] content) throws SnapshotStoreException {
    return conditionalPut("create", key, content, null);
  }

  @Override
  public boolean replaceIfMatch(String key, byte[] content, String etag) throws SnapshotStoreException {
    return conditionalPut("replace", key, content, etag);
  }

  private boolean conditionalPut(String what, String key, byte[] content, String etag)
      throws SnapshotStoreException {
    return call(what, key, () -> {
      try {
        s3.putObject(b -> {
          b.bucket(bucket).key(prefix + key);
          if (etag == null) {
            b.ifNoneMatch("*");
          } else {
            b.ifMatch(etag);
          }
        }, RequestBody.fromBytes(content));
        return true;
      } catch (S3Exception e) {
        // 404: If-Match on an object that is gone. 409: a concurrent conditional write is in progress.
        if (e.statusCode() == PRECONDITION_FAILED || e.statusCode() == CONFLICT || e.statusCode() == NOT_FOUND) {
          return false;
        }
        throw e;
      }
    });
  }

  @Override
  public List<ObjectInfo> list(String keyPrefix, String startAfter) throws SnapshotStoreException {
    return call("list", keyPrefix, () -> {
      List<ObjectInfo> found = new ArrayList<>();
      var pages = s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix + keyPrefix)
          .startAfter(startAfter == null ? null : prefix + startAfter));
      for (S3Object object : pages.contents()) {
        found.add(new ObjectInfo(object.key().substring(prefix.length()), object.size(), object.lastModified()));
      }
      return found;
    });
  }

  @Override
  public void delete(Collection<String> keys) throws SnapshotStoreException {
    List<String> all = List.copyOf(keys);
    for (int from = 0; from < all.size(); from += DELETE_BATCH) {
      List<String> batch = all.subList(from, Math.min(all.size(), from + DELETE_BATCH));
      List<ObjectIdentifier> ids = batch.stream().map(k -> ObjectIdentifier.builder().key(prefix + k).build()).toList();
      DeleteObjectsResponse response = call("delete", batch.getFirst(),
          () -> s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids).quiet(true))));
      if (response.hasErrors() && !response.errors().isEmpty()) {
        var error = response.errors().getFirst();
        throw new SnapshotStoreException("S3 refused to delete " + response.errors().size() + " objects in " + this
            + ", e.g. " + error.key() + ": " + error.code() + " " + error.message(), null);
      }
    }
  }

  private <T> T call(String what, String key, Supplier<T> operation) throws SnapshotStoreException {
    try {
      return operation.get();
    } catch (SdkException | UncheckedIOException e) {
      throw new SnapshotStoreException("S3 " + what + " of s3://" + bucket + "/" + prefix + key + " failed: "
          + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + prefix;
  }
}
