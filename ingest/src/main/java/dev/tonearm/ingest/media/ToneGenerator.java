package dev.tonearm.ingest.media;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes tagged audio files from a sine tone with ffmpeg, optionally with a cover picture: the material of the
 * ingest benchmark and of tests that need a file of a given length and format.
 */
public final class ToneGenerator {
  private final String ffmpeg;

  public ToneGenerator(String ffmpeg) {
    this.ffmpeg = ffmpeg;
  }

  /**
   * Writes {@code length} of a 440 Hz tone to {@code out}, in the format its extension names, with
   * {@code tags} (ffmpeg metadata keys) and, if {@code cover} is not null, that picture attached.
   */
  public Path write(Path out, Duration length, Map<String, String> tags, Path cover) throws IOException {
    List<String> command = new ArrayList<>(List.of(ffmpeg, "-nostdin", "-hide_banner", "-v", "error", "-y",
        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=" + length.toMillis() / 1000.0));
    if (cover != null) {
      command.addAll(List.of("-i", cover.toString(), "-map", "0:a", "-map", "1:v", "-c:v", "copy",
          "-disposition:v", "attached_pic", "-metadata:s:v", "comment=Cover (front)"));
    }
    command.addAll(List.of("-ac", "2"));
    tags.forEach((key, value) -> command.addAll(List.of("-metadata", key + "=" + value)));
    command.add(out.toString());
    BoundedProcess.Result result = BoundedProcess.run(command, Duration.ofMinutes(5), 64 * 1024);
    if (!result.succeeded()) {
      throw new IOException("ffmpeg could not write " + out.getFileName() + ": " + result.lastErrorLine());
    }
    return out;
  }
}
