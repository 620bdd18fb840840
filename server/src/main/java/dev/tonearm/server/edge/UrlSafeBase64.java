package dev.tonearm.server.edge;

import java.util.Base64;
import java.util.Optional;

/**
 * CloudFront's URL-safe base64: standard base64 with {@code +} written {@code -}, {@code =} written {@code _} and
 * {@code /} written {@code ~}. Only that alphabet is accepted: a value in standard base64 is refused, as it would
 * not have survived a URL unchanged.
 */
final class UrlSafeBase64 {
  private UrlSafeBase64() {}

  static Optional<byte[]> decode(String value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder standard = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        standard.append(c);
      } else {
        switch (c) {
          case '-' -> standard.append('+');
          case '_' -> standard.append('=');
          case '~' -> standard.append('/');
          default -> {
            return Optional.empty();
          }
        }
      }
    }
    try {
      return Optional.of(Base64.getDecoder().decode(standard.toString()));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }
}
