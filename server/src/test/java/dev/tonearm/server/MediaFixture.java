package dev.tonearm.server;

import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackStatus;
import dev.tonearm.catalog.Visibility;
import dev.tonearm.localaws.LocalS3;
import dev.tonearm.server.auth.DevIssuer;
import dev.tonearm.server.edge.S3MediaStore;
import dev.tonearm.server.playback.SigningKey;
import dev.tonearm.server.tracks.TrackIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Real media for playback tests: an HLS ladder made once per JVM by ffmpeg from 20 s of a 440 Hz sine (the
 * ingestion contract's command), uploaded to a fresh S3Mock bucket per server, and tracks created through the
 * catalog repository with the media keys ingestion would write.
 */
public final class MediaFixture implements AutoCloseable {
  public static final long SINE_MS = 20_000;
  private static Path hls;

  public final TestServer server;
  public final S3Client s3;
  public final String bucket;

  public MediaFixture() {
    this(Media.DEFAULT_PLAYBACK_EXTRA);
  }

  public MediaFixture(Duration playbackExtra) {
    s3 = LocalS3.shared().client();
    bucket = LocalS3.shared().freshBucket("media");
    server = new TestServer(null, new Media(new S3MediaStore(s3, bucket), SigningKey.generate(), Optional.empty(),
        playbackExtra));
  }

  /** A READY track owned by {@code username} with the HLS ladder, its original (FLAC) and a download MP3. */
  public Track hlsTrack(String username, Visibility visibility) {
    String id = TrackIds.next();
    String prefix = "tracks/" + id + "/";
    Map<String, String> keys = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(hlsLadder())) {
      for (Path file : files.toList()) {
        put(prefix + "hls/" + file.getFileName(), Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    keys.put("hls", prefix + "hls/master.m3u8");
    keys.put("original", prefix + "original.flac");
    keys.put("download", prefix + "download.mp3");
    put(prefix + "original.flac", "fLaC-not-really".getBytes());
    put(prefix + "download.mp3", "ID3-not-really".getBytes());
    return create(id, username, visibility, TrackStatus.READY, keys);
  }

  /** A track still transcoding: only its original is there. */
  public Track originalOnly(String username, Visibility visibility, byte[] original) {
    String id = TrackIds.next();
    put("tracks/" + id + "/original.mp3", original);
    return create(id, username, visibility, TrackStatus.PROCESSING, Map.of("original", "tracks/" + id + "/original.mp3"));
  }

  /** A track from metadata alone: nothing to play. */
  public Track metadataOnly(String username) {
    return create(TrackIds.next(), username, Visibility.PUBLIC, TrackStatus.METADATA_ONLY, Map.of());
  }

  public void put(String key, byte[] bytes) {
    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
  }

  private Track create(String id, String username, Visibility visibility, TrackStatus status, Map<String, String> keys) {
    Instant now = Instant.now();
    return server.catalog.tracks().create(new Track(id, "Sine " + id, List.of("Sigur Rós"), null, "Ágætis byrjun",
        null, List.of("Post-rock"), 1999, SINE_MS, 1, 1, "sine.flac", DevIssuer.subjectFor(username), visibility,
        null, keys, status, now, now, 1, Rating.NONE, null));
  }

  /** The ladder in a directory under target/, made by ffmpeg on first use. */
  public static synchronized Path hlsLadder() {
    if (hls == null) {
      try {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-media")), "hls");
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi",
            "-i", "sine=frequency=440:duration=" + SINE_MS / 1000,
            "-map", "0:a", "-map", "0:a", "-map", "0:a", "-c:a", "aac",
            "-b:a:0", "96k", "-b:a:1", "192k", "-b:a:2", "320k",
            "-f", "hls", "-hls_time", "6", "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4",
            "-var_stream_map", "a:0,name:aac_96k a:1,name:aac_192k a:2,name:aac_320k",
            "-master_pl_name", "master.m3u8", "-hls_segment_filename", dir + "/%v_%03d.m4s", dir + "/%v.m3u8")
            .redirectErrorStream(true).start();
        String output = new String(ffmpeg.getInputStream().readAllBytes());
        if (!ffmpeg.waitFor(60, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
          throw new IllegalStateException("ffmpeg failed: " + output);
        }
        hls = dir;
      } catch (IOException e) {
        throw new IllegalStateException("ffmpeg is needed by the playback tests (apt-get install ffmpeg)", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return hls;
  }

  @Override
  public void close() {
    server.close();
    s3.close();
  }
}
