package dev.tonearm.ingest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What ingestion reads from its environment, the same names the server and the AWS deployment use. The Lambda
 * reads it with {@link #fromEnvironment()}; the server builds it from the same variables in its own config.
 *
 * @param maxTrackLength longer files are refused (and no tool ever writes more than this much audio)
 * @param workDir where jobs keep their scratch files (the original, the HLS output) while they run
 */
public record IngestConfig(
    String table,
    String mediaBucket,
    String ffmpeg,
    String ffprobe,
    Duration maxTrackLength,
    Path workDir,
    Optional<URI> s3Endpoint,
    Optional<URI> dynamoEndpoint) {

  public static final String TABLE = "TONEARM_TABLE";
  public static final String MEDIA_BUCKET = "TONEARM_MEDIA_BUCKET";
  public static final String FFMPEG = "TONEARM_FFMPEG";
  public static final String FFPROBE = "TONEARM_FFPROBE";
  public static final String MAX_TRACK_SECONDS = "TONEARM_MAX_TRACK_SECONDS";
  public static final String WORK_DIR = "TONEARM_INGEST_WORK_DIR";
  public static final String S3_ENDPOINT = "TONEARM_S3_ENDPOINT";
  public static final String DYNAMODB_ENDPOINT = "TONEARM_DYNAMODB_ENDPOINT";
  public static final List<String> NAMES = List.of(TABLE, MEDIA_BUCKET, FFMPEG, FFPROBE, MAX_TRACK_SECONDS,
      WORK_DIR, S3_ENDPOINT, DYNAMODB_ENDPOINT);
  /** Three hours: a long DJ set or a whole symphony, not an audiobook. */
  public static final long DEFAULT_MAX_TRACK_SECONDS = 3 * 3600;

  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
  static final Duration TAG_TIMEOUT = Duration.ofSeconds(15);

  public static IngestConfig fromEnvironment() {
    return from(System.getenv());
  }

  public static IngestConfig from(Map<String, String> env) {
    return new IngestConfig(
        env.getOrDefault(TABLE, "tonearm-catalog"),
        env.getOrDefault(MEDIA_BUCKET, "tonearm-media"),
        env.getOrDefault(FFMPEG, "ffmpeg"),
        env.getOrDefault(FFPROBE, "ffprobe"),
        Duration.ofSeconds(positive(env, MAX_TRACK_SECONDS, DEFAULT_MAX_TRACK_SECONDS)),
        Path.of(env.getOrDefault(WORK_DIR, System.getProperty("java.io.tmpdir"))),
        opt(env, S3_ENDPOINT).map(URI::create),
        opt(env, DYNAMODB_ENDPOINT).map(URI::create));
  }

  public Duration probeTimeout() {
    return PROBE_TIMEOUT;
  }

  public Duration tagTimeout() {
    return TAG_TIMEOUT;
  }

  /**
   * How long one ffmpeg run on {@code seconds} of audio may take: a minute plus half the audio's length (the
   * ladder encodes at tens of times real time on one core), never more than for the longest track allowed.
   */
  public Duration transcodeTimeout(Double seconds) {
    double length = seconds == null ? maxTrackLength.toSeconds() : Math.min(seconds, maxTrackLength.toSeconds());
    return Duration.ofSeconds(60 + (long) Math.ceil(length / 2));
  }

  /** After this long in PROCESSING without news, an upload's worker is presumed dead and another may take over. */
  public Duration lease() {
    return transcodeTimeout(null).multipliedBy(2).plusMinutes(5);
  }

  private static long positive(Map<String, String> env, String name, long fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      long n = Long.parseLong(value.strip());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException bad) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a whole number of seconds above 0, was '" + value + "'");
  }

  private static Optional<String> opt(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(s -> !s.isEmpty());
  }
}
