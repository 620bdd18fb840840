package dev.tonearm.server.edge;

import dev.tonearm.server.http.Problem;
import dev.tonearm.server.playback.UrlSigner;

/**
 * Turns the raw path after {@code /media/} into an S3 key, refusing anything that could address another object
 * than the one that was signed: dot segments, empty segments, encoded slashes or backslashes, path parameters,
 * and any spelling other than the one canonical percent-encoding the signer produces (so {@code %2e%2e} and
 * {@code %41} are refused too).
 */
final class SafePath {
  private SafePath() {}

  static String key(String rawPath) {
    if (rawPath.isEmpty() || rawPath.indexOf(';') >= 0 || rawPath.indexOf('\\') >= 0) {
      throw forbidden("the path names no object or carries parameters");
    }
    String key = SignedQuery.decode(rawPath);
    for (String segment : key.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw forbidden("the path has empty or dot segments");
      }
    }
    if (key.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
      throw forbidden("the path has control characters or backslashes");
    }
    if (!UrlSigner.encodePath(key).equals(rawPath)) {
      throw forbidden("the path is not in canonical form (encoded slashes, dots or letters)");
    }
    return key;
  }

  private static Problem forbidden(String why) {
    return Problem.forbidden(why);
  }
}
