package dev.tonearm.server.tracks;

/** Rules every stored name shares: not blank, bounded, no control characters, well-formed UTF-16. */
final class Text {
  private Text() {}

  /** What is wrong with {@code text} (already stripped), or {@code null} if nothing is. */
  static String problemWith(String text, int maxLength) {
    if (text.isEmpty()) {
      return "must not be blank";
    }
    int length = text.codePointCount(0, text.length());
    if (length > maxLength) {
      return "must be at most " + maxLength + " characters (was " + length + ")";
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        return "must not contain control characters";
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return "must be valid Unicode (a lone surrogate was found)";
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return "must be valid Unicode (a lone surrogate was found)";
      }
    }
    return null;
  }

  static String preview(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
