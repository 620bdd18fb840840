package dev.tonearm.ingest.pipeline;

import dev.tonearm.ingest.media.Ffprobe;
import dev.tonearm.ingest.media.Probe;
import dev.tonearm.ingest.media.ToolFailure;
import java.time.Duration;
import java.util.Locale;

/**
 * Step 4: ffprobe reads the container. No audio stream, no length, or more than the longest track allowed and
 * the file is refused here, before any tag parser or encoder sees it.
 */
final class ProbeAudio implements Step {
  private final Ffprobe ffprobe;
  private final Duration maxLength;

  ProbeAudio(Ffprobe ffprobe, Duration maxLength) {
    this.ffprobe = ffprobe;
    this.maxLength = maxLength;
  }

  @Override
  public String name() {
    return "probe audio";
  }

  @Override
  public void run(IngestJob job) throws Exception {
    Probe probe;
    try {
      probe = ffprobe.probe(job.original());
    } catch (ToolFailure refused) {
      throw new IngestFailure(refused.getMessage());
    }
    if (!probe.hasAudio()) {
      throw new IngestFailure("the file has no audio stream (" + probe.formatName() + ")");
    }
    Double seconds = probe.durationSeconds();
    if (seconds != null && seconds > maxLength.toSeconds()) {
      throw new IngestFailure(String.format(Locale.ROOT, "the audio is %s long; the longest allowed is %s",
          clock(seconds), clock(maxLength.toSeconds())));
    }
    if (seconds != null && seconds <= 0) {
      throw new IngestFailure("the audio stream is empty");
    }
    job.probe(probe);
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }
}
