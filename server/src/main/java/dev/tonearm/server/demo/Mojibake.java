package dev.tonearm.server.demo;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Undoes the two kinds of mojibake found in real catalog data: UTF-8 bytes that were decoded as Latin-1
 * ("SeÃ±or" for "Señor") and UTF-8 bytes that were decoded as Windows-1252 ("Iâ€™m" for "I’m"), where bytes
 * 0x80–0x9F became curly quotes, "Š", "€" and the like instead of C1 controls.
 *
 * <p>The repair is conservative: the whole string is mapped back to the bytes it was read from (each char must
 * be Latin-1 or one of cp1252's 0x80–0x9F characters), and those bytes are decoded strictly as UTF-8. Only if
 * that succeeds without malformed input and changes the text is the result taken; this is repeated up to
 * {@value #MAX_ROUNDS} times for text that was mangled twice, and the last result free of C1 control characters
 * (U+0080–U+009F, which real titles do not contain) wins. Clean text almost never survives this: "Motörhead"
 * maps to the byte 0xF6 followed by ASCII, which is not UTF-8, and anything outside Latin-1 and cp1252
 * ("東京事変") cannot be mapped back at all. Nothing here throws.
 */
public final class Mojibake {

  /** Which wrong decoding a repair undid (the first round's, for text mangled twice). */
  public enum Kind { NONE, LATIN1, CP1252 }

  /** The repaired text, the kind of the first round undone, and how many rounds were undone. */
  public record Repair(String text, Kind kind, int rounds) {}

  static final int MAX_ROUNDS = 3;

  /** cp1252's characters for bytes 0x80–0x9F, by byte; NUL where cp1252 leaves the byte undefined. */
  private static final String CP1252_HIGH =
      "€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ";

  private Mojibake() {}

  /** {@code s} with mojibake undone, or {@code s} itself when it does not reliably look like mojibake. */
  public static String repair(String s) {
    return analyze(s).text();
  }

  /** Like {@link #repair} but also says what was undone. */
  public static Repair analyze(String s) {
    String text = s;
    String best = s;
    Kind first = Kind.NONE;
    int rounds = 0;
    for (int round = 1; text != null && round <= MAX_ROUNDS; round++) {
      byte[] bytes = originalBytes(text);
      String decoded = bytes == null ? null : strictUtf8(bytes);
      if (decoded == null || decoded.equals(text)) {
        break;
      }
      Kind kind = text.chars().allMatch(c -> c < 0x100) ? Kind.LATIN1 : Kind.CP1252;
      first = round == 1 ? kind : first;
      text = decoded;
      if (decoded.chars().noneMatch(c -> c >= 0x80 && c < 0xA0)) {
        best = decoded;
        rounds = round;
      }
    }
    return new Repair(best, rounds == 0 ? Kind.NONE : first, rounds);
  }

  /** The bytes {@code text} was decoded from as Latin-1 or cp1252; null if it holds other characters. */
  private static byte[] originalBytes(String text) {
    byte[] bytes = new byte[text.length()];
    for (int i = 0; i < bytes.length; i++) {
      char c = text.charAt(i);
      int cp1252 = CP1252_HIGH.indexOf(c);
      if (c >= 0x100 && cp1252 < 0) {
        return null;
      }
      bytes[i] = (byte) (c < 0x100 ? c : 0x80 + cp1252);
    }
    return bytes;
  }

  private static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
