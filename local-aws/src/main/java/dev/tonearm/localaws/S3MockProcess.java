package dev.tonearm.localaws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S3Mock as a child process on a loopback port, storing its objects under the data directory. A small shell
 * watchdog wraps it: when this JVM dies, even by {@code kill -9}, the watchdog stops S3Mock within a second, so
 * no orphan outlives the dev stack.
 */
public final class S3MockProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(S3MockProcess.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final String WATCHDOG = """
      parent=$1; shift
      "$@" & child=$!
      trap 'kill $child 2>/dev/null; wait $child; exit 0' TERM INT
      while kill -0 "$parent" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1; done
      kill $child 2>/dev/null; wait $child
      """;

  private final Process process;
  private final int port;
  private final Path log;

  private S3MockProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Launches S3Mock from its runnable jar with {@code buckets} created; {@link #awaitReady()} waits until it
   * answers, so the caller can start other parts meanwhile.
   */
  public static S3MockProcess launch(Path jar, Path root, Path log, List<String> buckets) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("S3Mock's jar is missing at " + jar + "; build with ./tonearm first");
    }
    int port = freePort();
    List<String> command = new ArrayList<>(List.of("bash", "-c", WATCHDOG, "s3mock-watchdog",
        Long.toString(ProcessHandle.current().pid()),
        javaExecutable(), "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString(),
        "--http.port=" + port, "--server.port=0", "--server.address=127.0.0.1",
        "--vectors.http.port=0", "--vectors.https.port=0",
        "--com.adobe.testing.s3mock.store.root=" + root.toAbsolutePath(),
        "--com.adobe.testing.s3mock.store.retain-files-on-exit=true",
        "--com.adobe.testing.s3mock.store.initial-buckets=" + String.join(",", buckets)));
    try {
      Files.createDirectories(root);
      Files.createDirectories(log.toAbsolutePath().getParent());
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      return new S3MockProcess(process, port, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start S3Mock", e);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public void awaitReady() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("S3Mock exited during start-up; see " + log);
      }
      if (answers()) {
        LOG.atInfo().addKeyValue("endpoint", endpoint()).log("S3Mock ready");
        return;
      }
      sleep(200);
    }
    close();
    throw new IllegalStateException("S3Mock did not answer within " + START_TIMEOUT.toSeconds() + " s; see " + log);
  }

  private boolean answers() {
    try {
      HttpURLConnection connection = (HttpURLConnection) endpoint().toURL().openConnection();
      connection.setConnectTimeout(500);
      connection.setReadTimeout(2000);
      return connection.getResponseCode() > 0;
    } catch (IOException notYet) {
      return false;
    }
  }

  @Override
  public void close() {
    process.destroy(); // SIGTERM to the watchdog, which stops S3Mock and waits for it
    try {
      if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for S3Mock", e);
    }
  }
}
