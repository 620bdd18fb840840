package dev.tonearm.server.edge;

import dev.tonearm.server.http.Problem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CloudFront parameters of a request's query string, taken apart exactly: {@code Policy} (custom policy) or
 * {@code Expires} (canned policy), {@code Signature} and {@code Key-Pair-Id}, each at most once. The other
 * parameters stay as they came, in order: they belong to the resource URL the policy is checked against.
 *
 * @param signing the three signing parameters as they came, for playlists to hand on to their URIs
 */
record SignedQuery(Optional<String> policy, Optional<String> expires, String signature, String keyPairId,
    String unsigned, String signing) {
  static final String POLICY = "Policy";
  static final String EXPIRES = "Expires";
  static final String SIGNATURE = "Signature";
  static final String KEY_PAIR_ID = "Key-Pair-Id";
  private static final Set<String> NAMES = Set.of(POLICY, EXPIRES, SIGNATURE, KEY_PAIR_ID);

  boolean isCustom() {
    return policy.isPresent();
  }

  static SignedQuery parse(String rawQuery) {
    Map<String, String> raw = new HashMap<>();
    List<String> unsigned = new ArrayList<>();
    for (String part : rawQuery == null ? new String[0] : rawQuery.split("&", -1)) {
      int eq = part.indexOf('=');
      String name = eq < 0 ? part : part.substring(0, eq);
      if (!NAMES.contains(decode(name))) {
        if (!part.isEmpty()) {
          unsigned.add(part);
        }
      } else if (!NAMES.contains(name) || raw.put(name, eq < 0 ? "" : part.substring(eq + 1)) != null) {
        throw denied("the query string repeats or disguises the signing parameter '" + decode(name) + "'");
      }
    }
    if (!raw.containsKey(SIGNATURE) || !raw.containsKey(KEY_PAIR_ID)) {
      throw denied("this URL is not signed: Signature and Key-Pair-Id are required");
    }
    if (raw.containsKey(POLICY) == raw.containsKey(EXPIRES)) {
      throw denied("a signed URL carries either Policy (custom policy) or Expires (canned policy), not "
          + (raw.containsKey(POLICY) ? "both" : "neither"));
    }
    String first = raw.containsKey(POLICY) ? POLICY : EXPIRES;
    String signing = first + "=" + raw.get(first) + "&" + SIGNATURE + "=" + raw.get(SIGNATURE) + "&" + KEY_PAIR_ID
        + "=" + raw.get(KEY_PAIR_ID);
    return new SignedQuery(Optional.ofNullable(raw.get(POLICY)).map(SignedQuery::decode),
        Optional.ofNullable(raw.get(EXPIRES)).map(SignedQuery::decode), decode(raw.get(SIGNATURE)),
        decode(raw.get(KEY_PAIR_ID)), String.join("&", unsigned), signing);
  }

  /** Strict percent-decoding: {@code +} stays a plus (it is not a form), malformed escapes are refused. */
  static String decode(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '%') {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      int hi = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
      int lo = hi < 0 ? -1 : Character.digit(value.charAt(i + 2), 16);
      if (lo < 0) {
        throw denied("the query string has a malformed percent-escape");
      }
      out.write(hi * 16 + lo);
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(out.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw denied("the query string is not valid UTF-8");
    }
  }

  static Problem denied(String why) {
    return Problem.forbidden(why);
  }
}
