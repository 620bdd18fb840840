package dev.tonearm.server.config;

import dev.tonearm.ingest.IngestConfig;
import dev.tonearm.server.playback.SigningKey;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything the server reads from its environment. {@link #NAMES} lists every variable, the names the AWS
 * deployment sets; no other server code reads the environment (the import CLI reads its own two, see README).
 *
 * @param authIssuer exact {@code iss} of accepted tokens (absent in dev: the embedded issuer's is used)
 * @param cursorSecret HMAC key of paging cursors, shared by all replicas (absent in dev: kept in the data dir)
 * @param mediaBaseUrl public base URL of the media CDN (absent in dev: the server's own {@code /media})
 * @param signingKey the playback URL signing key and its key-pair id (absent in dev: kept in the data dir)
 * @param playbackExtra how long a playback URL outlives the track's duration
 * @param s3Endpoint S3 endpoint override, for a local S3 ({@code serve} only; dev runs its own)
 * @param indexPoll how often a replica asks the index store for a newer generation
 * @param uploadMaxBytes the largest file {@code POST /v1/uploads} accepts
 * @param ingest what the embedded stack's in-process ingestion reads (in AWS the ingest Lambda reads the same)
 */
public record ServerConfig(
    String host,
    int port,
    String table,
    Optional<URI> dynamoEndpoint,
    Optional<String> authIssuer,
    Optional<String> authClientId,
    Optional<URI> authJwksUrl,
    Optional<byte[]> cursorSecret,
    Path dataDir,
    String mediaBucket,
    String indexBucket,
    Optional<URI> mediaBaseUrl,
    Optional<SigningKey> signingKey,
    Duration playbackExtra,
    Optional<URI> s3Endpoint,
    Duration indexPoll,
    long uploadMaxBytes,
    IngestConfig ingest) {

  public static final String PORT = "TONEARM_PORT";
  public static final String HOST = "TONEARM_HOST";
  public static final String TABLE = "TONEARM_TABLE";
  public static final String DYNAMODB_ENDPOINT = "TONEARM_DYNAMODB_ENDPOINT";
  public static final String AUTH_ISSUER = "TONEARM_AUTH_ISSUER";
  public static final String AUTH_CLIENT_ID = "TONEARM_AUTH_CLIENT_ID";
  public static final String AUTH_JWKS_URL = "TONEARM_AUTH_JWKS_URL";
  public static final String CURSOR_SECRET = "TONEARM_CURSOR_SECRET";
  public static final String DATA_DIR = "TONEARM_DATA_DIR";
  public static final String MEDIA_BUCKET = "TONEARM_MEDIA_BUCKET";
  public static final String INDEX_BUCKET = "TONEARM_INDEX_BUCKET";
  public static final String MEDIA_BASE_URL = "TONEARM_MEDIA_BASE_URL";
  public static final String SIGNING_KEY_PAIR_ID = "TONEARM_SIGNING_KEY_PAIR_ID";
  public static final String SIGNING_PRIVATE_KEY = "TONEARM_SIGNING_PRIVATE_KEY";
  public static final String PLAYBACK_EXTRA = "TONEARM_PLAYBACK_EXTRA";
  public static final String S3_ENDPOINT = "TONEARM_S3_ENDPOINT";
  public static final String INDEX_POLL = "TONEARM_INDEX_POLL";
  public static final String UPLOAD_MAX_BYTES = "TONEARM_UPLOAD_MAX_BYTES";
  public static final List<String> NAMES = Stream.concat(Stream.of(PORT, HOST, TABLE, DYNAMODB_ENDPOINT,
      AUTH_ISSUER, AUTH_CLIENT_ID, AUTH_JWKS_URL, CURSOR_SECRET, DATA_DIR, MEDIA_BUCKET, INDEX_BUCKET,
      MEDIA_BASE_URL, SIGNING_KEY_PAIR_ID, SIGNING_PRIVATE_KEY, PLAYBACK_EXTRA, S3_ENDPOINT, INDEX_POLL,
      UPLOAD_MAX_BYTES), IngestConfig.NAMES.stream()).distinct().toList();
  /**
   * Names a deployed server leaves unset: endpoints of local stand-ins, and the settings of the embedded stack's
   * in-process ingestion (in AWS the ingest Lambda reads those, and template.yaml sets them there).
   */
  public static final List<String> LOCAL_ONLY = List.of(DYNAMODB_ENDPOINT, S3_ENDPOINT, IngestConfig.FFMPEG,
      IngestConfig.FFPROBE, IngestConfig.MAX_TRACK_SECONDS, IngestConfig.WORK_DIR);
  /** 1 GiB: a long lossless recording. */
  public static final long DEFAULT_UPLOAD_MAX_BYTES = 1L << 30;

  public static ServerConfig fromEnvironment() {
    return from(System.getenv());
  }

  public static ServerConfig from(Map<String, String> env) {
    Optional<String> issuer = opt(env, AUTH_ISSUER);
    return new ServerConfig(
        env.getOrDefault(HOST, "127.0.0.1"),
        port(env),
        env.getOrDefault(TABLE, "tonearm-catalog"),
        opt(env, DYNAMODB_ENDPOINT).map(URI::create),
        issuer,
        opt(env, AUTH_CLIENT_ID),
        opt(env, AUTH_JWKS_URL).or(() -> issuer.map(i -> i.replaceAll("/+$", "") + "/.well-known/jwks.json"))
            .map(URI::create),
        opt(env, CURSOR_SECRET).map(ServerConfig::secret),
        Path.of(env.getOrDefault(DATA_DIR, "data")),
        env.getOrDefault(MEDIA_BUCKET, "tonearm-media"),
        env.getOrDefault(INDEX_BUCKET, "tonearm-index"),
        opt(env, MEDIA_BASE_URL).map(u -> URI.create(u.replaceAll("/+$", ""))),
        signingKey(env),
        playbackExtra(env),
        opt(env, S3_ENDPOINT).map(URI::create),
        positiveDuration(env, INDEX_POLL, Duration.ofMillis(100)),
        uploadMaxBytes(env),
        IngestConfig.from(env));
  }

  private static long uploadMaxBytes(Map<String, String> env) {
    String value = env.get(UPLOAD_MAX_BYTES);
    if (value == null || value.isBlank()) {
      return DEFAULT_UPLOAD_MAX_BYTES;
    }
    try {
      long bytes = Long.parseLong(value.strip());
      if (bytes > 0) {
        return bytes;
      }
    } catch (NumberFormatException bad) {
      // reported below
    }
    throw new IllegalArgumentException(UPLOAD_MAX_BYTES + " must be a number of bytes above 0, was '" + value + "'");
  }

  private static Duration positiveDuration(Map<String, String> env, String name, Duration otherwise) {
    Optional<String> value = opt(env, name);
    if (value.isEmpty()) {
      return otherwise;
    }
    try {
      Duration parsed = Duration.parse(value.get());
      if (!parsed.isNegative() && !parsed.isZero()) {
        return parsed;
      }
    } catch (DateTimeParseException bad) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a positive ISO-8601 duration such as PT1S, was '"
        + value.get() + "'");
  }

  /** Both the key-pair id and the PEM, or neither. */
  private static Optional<SigningKey> signingKey(Map<String, String> env) {
    Optional<String> id = opt(env, SIGNING_KEY_PAIR_ID);
    Optional<String> pem = opt(env, SIGNING_PRIVATE_KEY);
    if (id.isPresent() != pem.isPresent()) {
      throw new IllegalArgumentException(SIGNING_KEY_PAIR_ID + " and " + SIGNING_PRIVATE_KEY + " go together: set both");
    }
    try {
      return id.map(i -> SigningKey.fromPem(i, pem.get()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(SIGNING_PRIVATE_KEY + " / " + SIGNING_KEY_PAIR_ID + ": " + e.getMessage(), e);
    }
  }

  private static Duration playbackExtra(Map<String, String> env) {
    String value = opt(env, PLAYBACK_EXTRA).orElse("PT15M");
    try {
      Duration extra = Duration.parse(value);
      if (!extra.isNegative()) {
        return extra;
      }
    } catch (DateTimeParseException bad) {
      // reported below
    }
    throw new IllegalArgumentException(PLAYBACK_EXTRA + " must be an ISO-8601 duration such as PT15M, was '" + value + "'");
  }

  private static int port(Map<String, String> env) {
    String value = env.getOrDefault(PORT, "8080");
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException bad) {
      // reported below
    }
    throw new IllegalArgumentException(PORT + " must be a port number 0..65535, was '" + value + "'");
  }

  private static byte[] secret(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(CURSOR_SECRET + " must be base64", e);
    }
    if (bytes.length < 32) {
      throw new IllegalArgumentException(CURSOR_SECRET + " must decode to at least 32 bytes");
    }
    return bytes;
  }

  private static Optional<String> opt(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(s -> !s.isEmpty());
  }
}
