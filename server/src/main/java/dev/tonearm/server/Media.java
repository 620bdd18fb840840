package dev.tonearm.server;

import dev.tonearm.server.edge.MediaStore;
import dev.tonearm.server.playback.SigningKey;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Media as the server uses it: the media bucket (read by the {@code /media} edge), the key that signs playback
 * URLs, the CDN's public base URL (absent: this server's own {@code /media}, the dev default), and how long a
 * playback URL outlives its track.
 */
public record Media(MediaStore store, SigningKey key, Optional<URI> baseUrl, Duration playbackExtra) {

  public static final Duration DEFAULT_PLAYBACK_EXTRA = Duration.ofMinutes(15);

  /** Signs URLs with a fresh key but has no storage behind {@code /media} (benchmarks, tests that never play). */
  public static Media withoutStorage() {
    return new Media(MediaStore.none(), SigningKey.generate(), Optional.empty(), DEFAULT_PLAYBACK_EXTRA);
  }
}
