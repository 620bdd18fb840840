package dev.tonearm.ingest.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external tool with a wall-clock limit. When the limit passes (or the calling thread is interrupted)
 * the whole process tree is killed, so a tool stuck on a hostile file never outlives its job. Standard output
 * is kept up to a cap, standard error only its tail (enough for a reason).
 */
public final class BoundedProcess {
  private static final int STDERR_TAIL = 4096;

  private BoundedProcess() {}

  /** What a run produced. {@code timedOut} runs were killed; their exit code is meaningless. */
  public record Result(int exitCode, byte[] stdout, boolean stdoutTruncated, String stderrTail, boolean timedOut,
      long tookMs) {

    public boolean succeeded() {
      return !timedOut && exitCode == 0;
    }

    /** The last non-blank line of standard error: usually the tool's own explanation. */
    public String lastErrorLine() {
      String[] lines = stderrTail.strip().split("\\R");
      return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
  }

  public static Result run(List<String> command, Duration timeout, int maxStdoutBytes) throws IOException {
    return run(command, null, timeout, maxStdoutBytes);
  }

  /** Runs {@code command} in {@code directory} (null: the current one). */
  public static Result run(List<String> command, Path directory, Duration timeout, int maxStdoutBytes)
      throws IOException {
    long begun = System.nanoTime();
    ProcessBuilder builder = new ProcessBuilder(command);
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    Process process = builder.start();
    process.getOutputStream().close();
    Capture stdout = new Capture(process.getInputStream(), maxStdoutBytes, false);
    Capture stderr = new Capture(process.getErrorStream(), STDERR_TAIL, true);
    Thread out = Thread.ofVirtual().start(stdout);
    Thread err = Thread.ofVirtual().start(stderr);
    boolean finished;
    try {
      finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      killTree(process);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while " + command.getFirst() + " ran", e);
    }
    if (!finished) {
      killTree(process);
    }
    join(out);
    join(err);
    return new Result(finished ? process.exitValue() : -1, stdout.bytes(), stdout.truncated, stderr.text(),
        !finished, (System.nanoTime() - begun) / 1_000_000);
  }

  private static void killTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Drains a stream, keeping its head (stdout) or its tail (stderr) up to {@code cap} bytes. */
  private static final class Capture implements Runnable {
    private final InputStream in;
    private final int cap;
    private final boolean keepTail;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private byte[] tail = new byte[0];
    private volatile boolean truncated;

    Capture(InputStream in, int cap, boolean keepTail) {
      this.in = in;
      this.cap = cap;
      this.keepTail = keepTail;
    }

    @Override
    public void run() {
      byte[] buffer = new byte[8192];
      try (in) {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          if (keepTail) {
            appendTail(buffer, n);
          } else if (kept.size() + n <= cap) {
            kept.write(buffer, 0, n);
          } else {
            kept.write(buffer, 0, Math.max(0, cap - kept.size()));
            truncated = true;
          }
        }
      } catch (IOException closed) {
        // the process was killed: keep what was read
      }
    }

    private synchronized void appendTail(byte[] buffer, int n) {
      byte[] joined = new byte[tail.length + n];
      System.arraycopy(tail, 0, joined, 0, tail.length);
      System.arraycopy(buffer, 0, joined, tail.length, n);
      int from = Math.max(0, joined.length - cap);
      tail = java.util.Arrays.copyOfRange(joined, from, joined.length);
    }

    synchronized byte[] bytes() {
      return kept.toByteArray();
    }

    synchronized String text() {
      return new String(tail, StandardCharsets.UTF_8);
    }
  }
}
