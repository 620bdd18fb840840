package dev.tonearm.ingest.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedProcessTest {

  @Test
  void a_tool_past_its_limit_is_killed_with_its_children() throws Exception {
    BoundedProcess.Result result = BoundedProcess.run(
        List.of("bash", "-c", "sleep 60 & echo $! > /dev/stderr; wait"), Duration.ofMillis(500), 1024);

    assertThat(result.timedOut()).isTrue();
    assertThat(result.tookMs()).isLessThan(10_000);
    long child = Long.parseLong(result.stderrTail().strip().lines().findFirst().orElseThrow());
    assertThat(running(child)).isFalse();
  }

  /** Alive and not a zombie waiting for a reaper: its {@code /proc} state is neither gone nor Z. */
  private static boolean running(long pid) throws Exception {
    java.nio.file.Path stat = java.nio.file.Path.of("/proc", Long.toString(pid), "stat");
    for (int i = 0; i < 50; i++) {
      if (!java.nio.file.Files.exists(stat)) {
        return false;
      }
      String state = java.nio.file.Files.readString(stat).replaceFirst("^.*\\) ", "").substring(0, 1);
      if (state.equals("Z") || state.equals("X")) {
        return false;
      }
      Thread.sleep(100);
    }
    return true;
  }

  @Test
  void output_is_capped_and_the_error_tail_kept() throws Exception {
    BoundedProcess.Result result = BoundedProcess.run(
        List.of("bash", "-c", "head -c 100000 /dev/zero; echo first >&2; echo last words >&2; exit 3"),
        Duration.ofSeconds(10), 1000);

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stdout()).hasSize(1000);
    assertThat(result.stdoutTruncated()).isTrue();
    assertThat(result.lastErrorLine()).isEqualTo("last words");
  }
}
