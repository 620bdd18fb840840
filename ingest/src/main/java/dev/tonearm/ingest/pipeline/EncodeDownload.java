package dev.tonearm.ingest.pipeline;

import dev.tonearm.catalog.MediaLayout;
import dev.tonearm.ingest.IngestConfig;
import dev.tonearm.ingest.media.Ffmpeg;
import dev.tonearm.ingest.media.ToolFailure;
import dev.tonearm.ingest.storage.MediaStore;
import java.nio.file.Path;

/** Step 8: for lossless sources (FLAC, WAV, AIFF, ALAC, WavPack…), a 320 kbps MP3 download with the tags. */
final class EncodeDownload implements Step {
  private final Ffmpeg ffmpeg;
  private final MediaStore media;
  private final IngestConfig config;

  EncodeDownload(Ffmpeg ffmpeg, MediaStore media, IngestConfig config) {
    this.ffmpeg = ffmpeg;
    this.media = media;
    this.config = config;
  }

  @Override
  public String name() {
    return "encode download";
  }

  @Override
  public void run(IngestJob job) throws Exception {
    if (!job.probe().audio().isLossless()) {
      return;
    }
    Path mp3 = job.workDir().resolve("download.mp3");
    try {
      ffmpeg.mp3(job.original(), job.probe(), mp3, config.maxTrackLength(),
          config.transcodeTimeout(job.probe().durationSeconds()));
    } catch (ToolFailure failed) {
      throw new IngestFailure(failed.getMessage());
    }
    media.upload(MediaLayout.download(job.trackId()), mp3, "audio/mpeg");
    job.mediaKeys().put(MediaLayout.ROLE_DOWNLOAD, MediaLayout.download(job.trackId()));
  }
}
