package dev.tonearm.snapshots;

import dev.tonearm.localaws.LocalS3;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.s3.S3Client;

/** The contract on S3, through a real S3Mock process. */
class S3SnapshotStoreTest extends IndexGenerationsContract {
  private static S3Client s3;
  private static S3Client nowhere;

  @BeforeAll
  static void s3Mock() {
    s3 = LocalS3.shared().client();
    nowhere = LocalS3.client(URI.create("http://127.0.0.1:" + closedPort()));
  }

  @AfterAll
  static void closeClients() {
    s3.close();
    nowhere.close();
  }

  @Override
  protected SnapshotStore newStore() {
    return new S3SnapshotStore(s3, LocalS3.shared().freshBucket("snapshots"), "index/");
  }

  @Override
  protected SnapshotStore unreachableStore() {
    return new S3SnapshotStore(nowhere, "tonearm-index", "index/");
  }

  /**
   * S3 evaluates conditional writes atomically; S3Mock 5.2.0 checks {@code If-None-Match} and {@code If-Match}
   * before it stores the body, so concurrent creators can all pass the check. The concurrent tests therefore run
   * against the local store only; the staged race (one writer held at the manifest while the other wins) runs here.
   */
  @Override
  protected boolean conditionalWritesAreAtomic() {
    return false;
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
