package dev.tonearm.server.tracks;

import java.security.SecureRandom;

/** New track ids: 20 random base-32 characters (100 bits), URL-safe and lower-case. */
public final class TrackIds {
  private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private TrackIds() {}

  public static String next() {
    char[] id = new char[20];
    for (int i = 0; i < id.length; i++) {
      id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(id);
  }
}
