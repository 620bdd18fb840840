package dev.tonearm.localaws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * One S3Mock per JVM for tests: started on first use from the jar named by the {@code tonearm.s3mock.jar} system
 * property (the build sets it), stopped when the JVM exits. Tests create their own buckets, uniquely named.
 */
public final class LocalS3 {
  private static LocalS3 shared;

  private final URI endpoint;

  private LocalS3(URI endpoint) {
    this.endpoint = endpoint;
  }

  /** The JVM's S3Mock, started (and waited for) on the first call. */
  public static synchronized LocalS3 shared() {
    if (shared == null) {
      String jar = System.getProperty("tonearm.s3mock.jar");
      if (jar == null) {
        throw new IllegalStateException("tonearm.s3mock.jar is not set; run the tests through Maven");
      }
      try {
        Path dir = Files.createTempDirectory("tonearm-s3mock");
        S3MockProcess process = S3MockProcess.launch(Path.of(jar), dir.resolve("store"), dir.resolve("s3mock.log"),
            List.of());
        Runtime.getRuntime().addShutdownHook(new Thread(process::close, "s3mock-stop"));
        process.awaitReady();
        shared = new LocalS3(process.endpoint());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start S3Mock", e);
      }
    }
    return shared;
  }

  public URI endpoint() {
    return endpoint;
  }

  /** A client for {@code endpoint}: path-style, dummy credentials, as S3Mock needs. */
  public static S3Client client(URI endpoint) {
    return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .build();
  }

  public static S3Presigner presigner(URI endpoint) {
    return S3Presigner.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .build();
  }

  public S3Client client() {
    return client(endpoint);
  }

  /** Creates a bucket with a fresh name starting with {@code prefix} and returns the name. */
  public String freshBucket(String prefix) {
    String name = (prefix + "-" + Long.toHexString(System.nanoTime())).toLowerCase();
    try (S3Client s3 = client()) {
      s3.createBucket(b -> b.bucket(name));
    }
    return name;
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
  }
}
