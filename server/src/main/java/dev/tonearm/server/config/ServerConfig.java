package dev.tonearm.server.config;

import dev.tonearm.ingest.IngestConfig;
import java.net.URI;
import java.nio.file.Path;
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
 * @param uploadMaxBytes the largest file {@code POST /v1/uploads} accepts
 * @param s3Endpoint S3 endpoint override (a local S3); absent: AWS
 * @param ingest what ingestion reads (ffmpeg, limits), from the same variables the ingest Lambda reads
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
    long uploadMaxBytes,
    Optional<URI> s3Endpoint,
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
  public static final String UPLOAD_MAX_BYTES = "TONEARM_UPLOAD_MAX_BYTES";
  public static final String S3_ENDPOINT = IngestConfig.S3_ENDPOINT;
  public static final List<String> NAMES = Stream.concat(Stream.of(PORT, HOST, TABLE, DYNAMODB_ENDPOINT,
      AUTH_ISSUER, AUTH_CLIENT_ID, AUTH_JWKS_URL, CURSOR_SECRET, DATA_DIR, MEDIA_BUCKET, INDEX_BUCKET,
      UPLOAD_MAX_BYTES, S3_ENDPOINT), IngestConfig.NAMES.stream()).distinct().toList();
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
        uploadMaxBytes(env),
        opt(env, S3_ENDPOINT).map(URI::create),
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
