package dev.tonearm.server.edge;

/**
 * A policy's {@code Resource} as CloudFront matches it: {@code *} stands for zero or more characters (slashes
 * included), {@code ?} for exactly one, everything else for itself, case-sensitively, over the whole URL.
 */
final class Wildcard {
  private Wildcard() {}

  /** Linear-time glob matching with one backtrack point (no regular expressions, no blow-up on many stars). */
  static boolean matches(String pattern, String text) {
    int p = 0;
    int t = 0;
    int star = -1;
    int resume = 0;
    while (t < text.length()) {
      if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
        p++;
        t++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        resume = t;
      } else if (star >= 0) {
        p = star + 1;
        t = ++resume;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
