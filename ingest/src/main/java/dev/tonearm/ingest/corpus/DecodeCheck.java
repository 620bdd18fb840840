package dev.tonearm.ingest.corpus;

import dev.tonearm.ingest.media.BoundedProcess;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A second opinion, independent of the pipeline's code, on a file the manifest calls readable but ingestion
 * refused: does it have an audio stream at all, and does that stream decode to any samples? A header that
 * reads fine says neither (truncated files, video without sound, garbage payloads).
 */
public final class DecodeCheck {
  private static final Duration LIMIT = Duration.ofMinutes(2);
  private static final java.util.Map<Path, Boolean> SEEN = new java.util.concurrent.ConcurrentHashMap<>();

  private DecodeCheck() {}

  /**
   * True when ffmpeg gets samples out of the file's first audio stream and none of the first million is NaN or
   * infinite (a damaged float stream).
   */
  public static boolean decodesAudio(Path file) throws IOException {
    Boolean known = SEEN.get(file);
    if (known == null) {
      known = check(file);
      SEEN.put(file, known);
    }
    return known;
  }

  private static boolean check(Path file) throws IOException {
    BoundedProcess.Result streams = BoundedProcess.run(List.of("ffprobe", "-v", "error", "-select_streams", "a",
        "-show_entries", "stream=index", "-of", "csv=p=0", file.toString()), LIMIT, 4096);
    if (!streams.succeeded() || new String(streams.stdout()).isBlank()) {
      return false;
    }
    BoundedProcess.Result decoded = BoundedProcess.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-i",
        file.toString(), "-map", "0:a:0", "-f", "f32le", "-"), LIMIT, 4 << 20);
    if (!decoded.succeeded() || decoded.stdout().length == 0) {
      return false;
    }
    FloatBuffer samples = ByteBuffer.wrap(decoded.stdout()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    while (samples.hasRemaining()) {
      if (!Float.isFinite(samples.get())) {
        return false;
      }
    }
    return true;
  }
}
