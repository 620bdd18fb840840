package dev.tonearm.ingest.pipeline;

import dev.tonearm.catalog.MediaLayout;
import dev.tonearm.ingest.IngestConfig;
import dev.tonearm.ingest.media.Ffmpeg;
import dev.tonearm.ingest.media.ToolFailure;
import dev.tonearm.ingest.storage.MediaStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Step 7: the audio-only HLS ladder (AAC 96k/192k/320k, 6 s fMP4 segments), written under {@code hls/}. When
 * ffprobe could not tell the length, the variant playlist's segment durations do; a file that decodes to more
 * than the longest track allowed is refused.
 */
final class TranscodeHls implements Step {
  private final Ffmpeg ffmpeg;
  private final MediaStore media;
  private final IngestConfig config;

  TranscodeHls(Ffmpeg ffmpeg, MediaStore media, IngestConfig config) {
    this.ffmpeg = ffmpeg;
    this.media = media;
    this.config = config;
  }

  @Override
  public String name() {
    return "transcode hls";
  }

  @Override
  public void run(IngestJob job) throws Exception {
    Path dir = Files.createDirectories(job.workDir().resolve("hls"));
    try {
      ffmpeg.hls(job.original(), job.probe(), dir, config.maxTrackLength(),
          config.transcodeTimeout(job.probe().durationSeconds()));
    } catch (ToolFailure failed) {
      throw new IngestFailure(failed.getMessage());
    }
    double decoded = playlistSeconds(dir.resolve(Ffmpeg.VARIANTS.getFirst() + ".m3u8"));
    if (decoded <= 0) {
      throw new IngestFailure("the audio stream decodes to nothing");
    }
    if (decoded > config.maxTrackLength().toSeconds()) {
      throw new IngestFailure(String.format(Locale.ROOT, "the audio is longer than the longest allowed (%s)",
          ProbeAudio.clock(config.maxTrackLength().toSeconds())));
    }
    media.uploadDirectory(MediaLayout.hlsPrefix(job.trackId()), dir, TranscodeHls::contentType);
    job.mediaKeys().put(MediaLayout.ROLE_HLS, MediaLayout.hlsMaster(job.trackId()));
    job.decodedSeconds(decoded);
  }

  /** The sum of a media playlist's {@code #EXTINF} durations. */
  static double playlistSeconds(Path playlist) throws IOException {
    if (!Files.isRegularFile(playlist)) {
      return 0;
    }
    double total = 0;
    for (String line : Files.readAllLines(playlist)) {
      if (line.startsWith("#EXTINF:")) {
        String value = line.substring("#EXTINF:".length()).split(",", 2)[0];
        try {
          total += Double.parseDouble(value);
        } catch (NumberFormatException ignored) {
          // a malformed line of our own ffmpeg's output would be a bug there, not a reason to fail
        }
      }
    }
    return total;
  }

  static String contentType(String fileName) {
    if (fileName.endsWith(".m3u8")) {
      return "application/vnd.apple.mpegurl";
    }
    return fileName.endsWith(".m4s") || fileName.endsWith(".mp4") ? "audio/mp4" : "application/octet-stream";
  }
}
