package dev.tonearm.ingest.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs {@code ffprobe -print_format json -show_format -show_streams} under a time limit and reads its answer. */
public final class Ffprobe {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_OUTPUT = 8 << 20;

  private final String executable;
  private final Duration timeout;

  public Ffprobe(String executable, Duration timeout) {
    this.executable = executable;
    this.timeout = timeout;
  }

  public Probe probe(Path file) throws ToolFailure, IOException {
    BoundedProcess.Result run = BoundedProcess.run(List.of(executable, "-v", "error", "-hide_banner",
        "-print_format", "json", "-show_format", "-show_streams", file.toString()), timeout, MAX_OUTPUT);
    if (run.timedOut()) {
      throw new ToolFailure("reading the file's structure took longer than " + timeout.toSeconds() + " s");
    }
    if (run.exitCode() != 0) {
      throw new ToolFailure("not a readable audio file (" + withoutPath(run.lastErrorLine(), file) + ")");
    }
    if (run.stdoutTruncated()) {
      throw new ToolFailure("the file describes an implausible number of streams or tags");
    }
    return parse(JSON.readTree(run.stdout()));
  }

  static Probe parse(JsonNode root) {
    JsonNode format = root.path("format");
    JsonNode audio = null;
    Integer picture = null;
    for (JsonNode stream : root.path("streams")) {
      String type = stream.path("codec_type").asText("");
      if (audio == null && type.equals("audio")) {
        audio = stream;
      } else if (picture == null && type.equals("video")
          && stream.path("disposition").path("attached_pic").asInt() == 1) {
        picture = stream.path("index").asInt();
      }
    }
    Map<String, String> tags = new HashMap<>();
    Double duration = durationOf(format);
    Probe.AudioStream audioStream = null;
    if (audio != null) {
      putTags(tags, audio.path("tags"));
      duration = duration != null ? duration : durationOf(audio);
      audioStream = new Probe.AudioStream(audio.path("index").asInt(), audio.path("codec_name").asText("unknown"),
          integer(audio.path("sample_rate")), integer(audio.path("channels")),
          integer(audio.path("bits_per_raw_sample")));
    }
    putTags(tags, format.path("tags"));
    return new Probe(format.path("format_name").asText("unknown"), duration, longValue(format.path("bit_rate")),
        audioStream, picture, tags);
  }

  private static void putTags(Map<String, String> tags, JsonNode node) {
    node.fields().forEachRemaining(e -> tags.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
  }

  private static Double durationOf(JsonNode node) {
    Double d = parseDouble(node.path("duration").asText(""));
    return d != null && d >= 0 && Double.isFinite(d) ? d : null;
  }

  private static Double parseDouble(String text) {
    try {
      return text.isEmpty() ? null : Double.valueOf(text);
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  private static Integer integer(JsonNode node) {
    Double d = parseDouble(node.asText(""));
    return d == null || d < 0 || d > Integer.MAX_VALUE ? null : d.intValue();
  }

  private static Long longValue(JsonNode node) {
    Double d = parseDouble(node.asText(""));
    return d == null || d < 0 ? null : d.longValue();
  }

  /** Tools quote the file's path; a reason shown to the user should not carry our temp directory. */
  static String withoutPath(String line, Path file) {
    return line.replace(file.toString() + ": ", "").replace(file.toString(), "the file").strip();
  }
}
