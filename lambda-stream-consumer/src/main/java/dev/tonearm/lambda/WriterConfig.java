package dev.tonearm.lambda;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the index writer reads from its environment; the names are those template.yaml sets.
 *
 * @param workDir where the local index lives between warm invocations (Lambda's /tmp)
 * @param keepGenerations how many published generations the collector keeps
 */
public record WriterConfig(
    String table,
    String indexBucket,
    Path workDir,
    int keepGenerations,
    Optional<URI> dynamoEndpoint,
    Optional<URI> s3Endpoint) {

  public static final String TABLE = "TONEARM_TABLE";
  public static final String INDEX_BUCKET = "TONEARM_INDEX_BUCKET";
  public static final String WORK_DIR = "TONEARM_WORK_DIR";
  public static final String INDEX_KEEP_GENERATIONS = "TONEARM_INDEX_KEEP_GENERATIONS";
  public static final String DYNAMODB_ENDPOINT = "TONEARM_DYNAMODB_ENDPOINT";
  public static final String S3_ENDPOINT = "TONEARM_S3_ENDPOINT";
  public static final List<String> NAMES = List.of(TABLE, INDEX_BUCKET, WORK_DIR, INDEX_KEEP_GENERATIONS,
      DYNAMODB_ENDPOINT, S3_ENDPOINT);
  /** Set only against local stand-ins; a deployment leaves them unset. */
  public static final List<String> LOCAL_ONLY = List.of(DYNAMODB_ENDPOINT, S3_ENDPOINT);

  public static WriterConfig fromEnvironment() {
    return from(System.getenv());
  }

  public static WriterConfig from(Map<String, String> env) {
    return new WriterConfig(
        required(env, TABLE),
        required(env, INDEX_BUCKET),
        Path.of(env.getOrDefault(WORK_DIR, "/tmp/tonearm-index")),
        keep(env.getOrDefault(INDEX_KEEP_GENERATIONS, "10")),
        opt(env, DYNAMODB_ENDPOINT).map(URI::create),
        opt(env, S3_ENDPOINT).map(URI::create));
  }

  private static String required(Map<String, String> env, String name) {
    return opt(env, name).orElseThrow(() -> new IllegalStateException(name + " must be set"));
  }

  private static int keep(String value) {
    try {
      int keep = Integer.parseInt(value.strip());
      if (keep >= 2) {
        return keep;
      }
    } catch (NumberFormatException bad) {
      // reported below
    }
    throw new IllegalStateException(INDEX_KEEP_GENERATIONS + " must be a whole number of at least 2, was '"
        + value + "'");
  }

  private static Optional<String> opt(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(s -> !s.isEmpty());
  }
}
