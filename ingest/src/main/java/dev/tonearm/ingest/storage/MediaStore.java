package dev.tonearm.ingest.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The media bucket as ingestion uses it: read the original, write outputs, remove a track's objects. */
public final class MediaStore {
  private final S3Client s3;
  private final String bucket;

  public MediaStore(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  public String bucket() {
    return bucket;
  }

  /** The object's metadata, or empty if there is no such object. */
  public Optional<HeadObjectResponse> head(String key) {
    try {
      return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key)));
    } catch (NoSuchKeyException absent) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Downloads {@code key} to {@code file}, replacing it; false if there is no such object. */
  public boolean download(String key, Path file) throws IOException {
    Files.deleteIfExists(file);
    try {
      s3.getObject(b -> b.bucket(bucket).key(key), file);
      return true;
    } catch (NoSuchKeyException absent) {
      Files.deleteIfExists(file);
      return false;
    }
  }

  public void upload(String key, Path file, String contentType) {
    s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromFile(file));
  }

  public void upload(String key, byte[] bytes, String contentType) {
    s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
  }

  /** Uploads every regular file of {@code dir} under {@code prefix}; returns the keys written. */
  public List<String> uploadDirectory(String prefix, Path dir, ContentTypes types) throws IOException {
    List<String> keys = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String key = prefix + file.getFileName();
        upload(key, file, types.of(file.getFileName().toString()));
        keys.add(key);
      }
    }
    return keys;
  }

  /** Content types by file name. */
  public interface ContentTypes {
    String of(String fileName);
  }

  /** Deletes every object under {@code prefix} except {@code keep} (may be null); returns how many went. */
  public int deletePrefix(String prefix, String keep) {
    int deleted = 0;
    String token = null;
    do {
      String continuation = token;
      var page = s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).continuationToken(continuation));
      List<ObjectIdentifier> doomed = page.contents().stream().map(S3Object::key)
          .filter(k -> !k.equals(keep)).map(k -> ObjectIdentifier.builder().key(k).build()).toList();
      if (!doomed.isEmpty()) {
        s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(doomed).quiet(true)));
        deleted += doomed.size();
      }
      token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
    } while (token != null);
    return deleted;
  }

  public void delete(String key) {
    s3.deleteObject(b -> b.bucket(bucket).key(key));
  }

  /** Drops the parts of an unfinished multipart upload; one that is already gone is fine. */
  public void abortMultipart(String key, String multipartId) {
    try {
      s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(multipartId));
    } catch (NoSuchUploadException gone) {
      // completed or aborted already
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw e;
      }
    }
  }
}
