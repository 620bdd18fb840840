package dev.tonearm.catalog;

import java.util.Locale;

/** Who may see a track: everybody, or its owner (and admins) alone. */
public enum Visibility {
  PUBLIC,
  PRIVATE;

  /** The wire and storage spelling: {@code public} or {@code private}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the wire spelling; anything else is an {@link IllegalArgumentException}. */
  public static Visibility fromWire(String value) {
    for (Visibility v : values()) {
      if (v.wireName().equals(value)) {
        return v;
      }
    }
    throw new IllegalArgumentException("must be 'public' or 'private'");
  }
}
