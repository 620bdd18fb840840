package dev.tonearm.ingest;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import dev.tonearm.catalog.MediaLayout;
import dev.tonearm.catalog.Upload;
import dev.tonearm.catalog.UploadStatus;
import dev.tonearm.catalog.Visibility;
import dev.tonearm.catalog.dynamo.CatalogTable;
import dev.tonearm.localaws.LocalS3;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Ingestion over real parts: DynamoDB Local in-process, the JVM's S3Mock with a fresh bucket, real ffmpeg. Puts
 * files where an upload's presigned PUT would, and hands the worker the S3 event for them.
 */
public final class IngestFixture implements AutoCloseable {
  private static final AtomicInteger IDS = new AtomicInteger();

  public final AmazonDynamoDBLocal dynamo;
  public final S3Client s3;
  public final Ingest ingest;
  public final Clock clock = Clock.systemUTC();

  public IngestFixture() {
    this(Duration.ofSeconds(IngestConfig.DEFAULT_MAX_TRACK_SECONDS));
  }

  IngestFixture(Duration maxTrackLength) {
    dynamo = DynamoDBEmbedded.create();
    LocalS3 local = LocalS3.shared();
    s3 = LocalS3.client(local.endpoint());
    String bucket = local.freshBucket("media");
    CatalogTable.createIfMissing(dynamo.dynamoDbClient(), "catalog");
    Path work;
    try {
      work = Files.createDirectories(Path.of("target", "ingest-work"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    IngestConfig config = new IngestConfig("catalog", bucket, "ffmpeg", "ffprobe", maxTrackLength, work,
        java.util.Optional.of(local.endpoint()), java.util.Optional.empty());
    ingest = Ingest.create(config, s3, dynamo.dynamoDbClient(), clock);
  }

  /** An upload of {@code file} as {@code owner} declared with the file's real SHA-256, its bytes in place. */
  public Upload upload(Path file, String owner, Visibility visibility) {
    return upload(file, file.getFileName().toString(), owner, visibility, sha256(file));
  }

  Upload upload(Path file, String fileName, String owner, Visibility visibility, String declaredSha256) {
    String id = String.format(Locale.ROOT, "t%019d", IDS.incrementAndGet() + System.nanoTime() % 1_000_000_000L);
    String extension = fileName.contains(".") ? fileName.substring(fileName.lastIndexOf('.') + 1) : "bin";
    extension = extension.toLowerCase(Locale.ROOT).replaceAll("[^0-9a-z]", "");
    extension = extension.isEmpty() || extension.length() > 8 ? "bin" : extension;
    String key = MediaLayout.original(id, extension);
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Upload upload = new Upload(id, owner, fileName, size, "audio/" + extension, declaredSha256, visibility,
        UploadStatus.PENDING, null, null, key, null, 0, clock.instant().plusSeconds(3600), clock.instant(),
        clock.instant(), 1);
    ingest.stores().uploads().create(upload);
    s3.putObject(b -> b.bucket(bucket()).key(key), RequestBody.fromFile(file));
    return upload;
  }

  IngestOutcome deliver(IngestWorker worker, Upload upload) throws Exception {
    return worker.handle(S3Events.record(S3Events.CREATED_PUT, bucket(), upload.objectKey(), upload.size(), null,
        clock.instant()));
  }

  public Upload reread(Upload upload) {
    return ingest.stores().uploads().get(upload.id()).orElseThrow();
  }

  public String bucket() {
    return ingest.config().mediaBucket();
  }

  /** Every key under a track's prefix. */
  java.util.List<String> keys(String trackId) {
    return s3.listObjectsV2(b -> b.bucket(bucket()).prefix(MediaLayout.prefix(trackId))).contents().stream()
        .map(software.amazon.awssdk.services.s3.model.S3Object::key).sorted().toList();
  }

  static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> tags(String... keyValues) {
    java.util.LinkedHashMap<String, String> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  @Override
  public void close() {
    s3.close();
    dynamo.shutdown();
  }
}
