package dev.tonearm.ingest.media;

import java.util.Map;

/**
 * What ffprobe says about a file: its container, duration, first audio stream, an attached picture (cover
 * art stored as a video stream) and its tags with lower-cased keys (stream tags, overridden by container
 * tags: Ogg and Opus keep theirs on the stream).
 *
 * @param durationSeconds null when the container does not say (some raw formats)
 * @param pictureStream the index of the attached picture's stream, or null
 */
public record Probe(String formatName, Double durationSeconds, Long bitRate, AudioStream audio,
    Integer pictureStream, Map<String, String> tags) {

  public Probe {
    tags = Map.copyOf(tags);
  }

  /** The first audio stream: what gets transcoded. */
  public record AudioStream(int index, String codec, Integer sampleRate, Integer channels, Integer bitsPerSample) {

    /** Codecs that keep every sample: their sources also get a 320 kbps MP3 download. */
    public boolean isLossless() {
      return codec.startsWith("pcm_") || switch (codec) {
        case "flac", "alac", "wavpack", "ape", "tta", "tak", "mlp", "truehd" -> true;
        default -> false;
      };
    }
  }

  public boolean hasAudio() {
    return audio != null;
  }
}
