package dev.tonearm.ingest.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes an HLS master playlist over audio-only variant playlists already in a directory. Each variant's
 * {@code BANDWIDTH} is its peak segment bit rate and {@code AVERAGE-BANDWIDTH} its mean, measured from the
 * files as RFC 8216 asks; the codec is AAC-LC. A last segment shorter than a second does not count towards
 * the peak (its container overhead would dominate it) unless it is the only one.
 */
final class HlsMaster {
  private static final String AAC_LC = "mp4a.40.2";

  private HlsMaster() {}

  static void write(Path dir, List<String> variants, String masterName) throws IOException {
    StringBuilder master = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
    for (String variant : variants) {
      long[] rates = rates(dir, variant + ".m3u8");
      master.append(String.format(Locale.ROOT, "#EXT-X-STREAM-INF:BANDWIDTH=%d,AVERAGE-BANDWIDTH=%d,CODECS=\"%s\"%n",
          rates[0], rates[1], AAC_LC)).append(variant).append(".m3u8\n");
    }
    Files.writeString(dir.resolve(masterName), master.toString());
  }

  /** {@code [peak, average]} bits per second over the playlist's segments. */
  private static long[] rates(Path dir, String playlist) throws IOException {
    double peak = 0;
    double shortPeak = 0;
    double seconds = 0;
    long bytes = 0;
    double duration = 0;
    for (String line : Files.readAllLines(dir.resolve(playlist))) {
      if (line.startsWith("#EXTINF:")) {
        duration = Double.parseDouble(line.substring("#EXTINF:".length()).split(",", 2)[0]);
      } else if (!line.isBlank() && !line.startsWith("#")) {
        long size = Files.size(dir.resolve(line.strip()));
        if (duration >= 1) {
          peak = Math.max(peak, size * 8 / duration);
        } else if (duration > 0) {
          shortPeak = Math.max(shortPeak, size * 8 / duration);
        }
        bytes += size;
        seconds += duration;
      }
    }
    peak = peak > 0 ? peak : shortPeak;
    long average = seconds > 0 ? Math.round(bytes * 8 / seconds) : 0;
    return new long[] {Math.max(1, Math.round(peak)), Math.max(1, average)};
  }
}
