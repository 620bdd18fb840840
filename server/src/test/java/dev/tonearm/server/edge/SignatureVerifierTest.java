package dev.tonearm.server.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tonearm.server.http.Problem;
import dev.tonearm.server.playback.SigningKey;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;
import software.amazon.awssdk.services.cloudfront.model.CustomSignerRequest;

/**
 * The tamper matrix: URLs signed by the AWS SDK's {@link CloudFrontUtilities} (canned and custom policies), each
 * changed in one way a client could change it. The untouched URLs pass; every changed one is a 403.
 */
class SignatureVerifierTest {
  private static final String BASE = "https://media.tonearm.test";
  private static final String TRACK = BASE + "/tracks/t-beatles/hls/";
  private static final InetAddress CLIENT = address("203.0.113.7");
  private static final SigningKey KEY = SigningKey.generate();
  private static final SigningKey OTHER_TRUSTED = SigningKey.generate();
  private static final SigningKey STRANGER = SigningKey.generate();
  private static final CloudFrontUtilities CLOUDFRONT = CloudFrontUtilities.create();
  private static final Instant IN_AN_HOUR = Instant.now().plus(Duration.ofHours(1));

  private final SignatureVerifier verifier = new SignatureVerifier(
      Map.of(KEY.keyPairId(), KEY.publicKey(), OTHER_TRUSTED.keyPairId(), OTHER_TRUSTED.publicKey()), Clock.systemUTC());

  @Test
  void a_wildcard_policy_covers_every_file_of_its_tracks_hls_directory() {
    String master = custom(b -> b);
    String query = master.substring(master.indexOf('?') + 1);
    for (String file : new String[] {"master.m3u8", "aac_96k.m3u8", "init_0.mp4", "aac_320k_003.m4s", "deep/er.m4s"}) {
      assertThat(verifier.verify(TRACK + file, query, CLIENT).isCustom()).isTrue();
    }
  }

  @Test
  void a_wildcard_policy_covers_nothing_outside_its_tracks_hls_directory() {
    String master = custom(b -> b);
    String query = master.substring(master.indexOf('?') + 1);
    for (String url : new String[] {BASE + "/tracks/t-beatles/original.flac", BASE + "/tracks/t-beatle/hls/a.m4s",
        BASE + "/tracks/t-beatles-2/hls/a.m4s", BASE + "/tracks/t-pink/hls/master.m3u8", "http://media.tonearm.test/"
        + "tracks/t-beatles/hls/a.m4s", BASE + "/tracks/t-beatles/hls"}) {
      assertDenied(url, query);
    }
  }

  @Test
  void question_mark_matches_exactly_one_character_and_star_any_run() {
    assertThat(Wildcard.matches(BASE + "/a?c", BASE + "/abc")).isTrue();
    assertThat(Wildcard.matches(BASE + "/a?c", BASE + "/ac")).isFalse();
    assertThat(Wildcard.matches(BASE + "/a?c", BASE + "/abbc")).isFalse();
    assertThat(Wildcard.matches("*", "anything/at/all?x=1")).isTrue();
    assertThat(Wildcard.matches("http*://h/*.m4s", "https://h/x/y.m4s")).isTrue();
    assertThat(Wildcard.matches("http*://h/*.m4s", "https://h/x/y.m4s.mp4")).isFalse();
    assertThat(Wildcard.matches("a*b*c*d*e*f*g", "a".repeat(5000) + "bcdefx")).isFalse(); // and quickly
  }

  @TestFactory
  Stream<DynamicTest> untouched_urls_pass() {
    Map<String, String> valid = new LinkedHashMap<>();
    valid.put("custom policy over the track's directory", custom(b -> b));
    valid.put("custom policy with a window that has begun", custom(b -> b.activeDate(Instant.now().minusSeconds(60))));
    valid.put("custom policy for the client's block", custom(b -> b.ipRange("203.0.113.0/24")));
    valid.put("custom policy for exactly the client", custom(b -> b.ipRange("203.0.113.7/32")));
    valid.put("custom policy naming exactly one URL", CLOUDFRONT.getSignedUrlWithCustomPolicy(b -> b
        .resourceUrl(TRACK + "master.m3u8").privateKey(KEY.privateKey()).keyPairId(KEY.keyPairId())
        .expirationDate(IN_AN_HOUR)).url());
    valid.put("canned policy", canned(TRACK + "master.m3u8", KEY));
    valid.put("canned policy over a URL with its own query", canned(TRACK + "master.m3u8?lang=is", KEY));
    valid.put("signed by the other trusted key", canned(TRACK + "master.m3u8", OTHER_TRUSTED));
    return valid.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
      String[] parts = split(e.getValue());
      assertThat(verifier.verify(parts[0], parts[1], CLIENT)).isNotNull();
    }));
  }

  @TestFactory
  Stream<DynamicTest> every_tampered_url_is_refused() {
    String custom = custom(b -> b);
    String canned = canned(TRACK + "master.m3u8", KEY);
    Map<String, String> tampered = new LinkedHashMap<>();
    for (Map.Entry<String, String> signed : Map.of("custom", custom, "canned", canned).entrySet()) {
      String kind = signed.getKey() + ": ";
      String url = signed.getValue();
      tampered.put(kind + "modified path", url.replace("/hls/master.m3u8", "/original.flac"));
      tampered.put(kind + "another track's prefix", url.replace("t-beatles", "t-motorhead"));
      tampered.put(kind + "unknown key id", param(url, "Key-Pair-Id", STRANGER.keyPairId()));
      tampered.put(kind + "the id of another trusted key", param(url, "Key-Pair-Id", OTHER_TRUSTED.keyPairId()));
      tampered.put(kind + "bad signature", param(url, "Signature", flip(value(url, "Signature"))));
      tampered.put(kind + "truncated signature", param(url, "Signature", value(url, "Signature").substring(0, 40)));
      tampered.put(kind + "empty signature", param(url, "Signature", ""));
      tampered.put(kind + "standard base64 signature", param(url, "Signature", standard(value(url, "Signature"))));
      tampered.put(kind + "duplicated Signature", url + "&Signature=" + value(url, "Signature"));
      tampered.put(kind + "duplicated Key-Pair-Id", url + "&Key-Pair-Id=" + KEY.keyPairId());
      tampered.put(kind + "disguised duplicate (percent-encoded name)", url + "&Signatur%65=x");
      tampered.put(kind + "no signature", url.replaceAll("&Signature=[^&]*", ""));
      tampered.put(kind + "no key id", url.replaceAll("&Key-Pair-Id=[^&]*", ""));
      tampered.put(kind + "signed by a stranger's key", signed.getKey().equals("custom")
          ? custom(b -> b.privateKey(STRANGER.privateKey())) : canned(TRACK + "master.m3u8", STRANGER));
    }
    tampered.put("canned: later expiry", param(canned, "Expires", Long.toString(IN_AN_HOUR.getEpochSecond() + 86400)));
    tampered.put("canned: expiry not a number", param(canned, "Expires", "1e10"));
    tampered.put("canned: expired", canned(TRACK + "master.m3u8", KEY, Instant.now().minusSeconds(1)));
    tampered.put("canned: both Policy and Expires", custom + "&Expires=" + IN_AN_HOUR.getEpochSecond());
    tampered.put("canned: extra query parameter", canned + "&lang=is");
    tampered.put("custom: modified policy (resource widened)", param(custom, "Policy",
        urlSafe(policyOf(custom).replace(TRACK + "*", BASE + "/*"))));
    tampered.put("custom: modified policy (expiry pushed)", param(custom, "Policy",
        urlSafe(policyOf(custom).replace(Long.toString(IN_AN_HOUR.getEpochSecond()), "9999999999"))));
    String padded = paddedPolicy();
    tampered.put("custom: standard base64 policy", param(padded, "Policy", standard(value(padded, "Policy"))));
    tampered.put("custom: duplicated Policy", custom + "&Policy=" + value(custom, "Policy"));
    tampered.put("custom: expired", custom(b -> b.expirationDate(Instant.now().minusSeconds(1))));
    tampered.put("custom: not yet valid (DateGreaterThan)", custom(b -> b.activeDate(Instant.now().plusSeconds(600))));
    tampered.put("custom: wrong source address", custom(b -> b.ipRange("198.51.100.0/24")));
    tampered.put("custom: IPv6 block for an IPv4 client", custom(b -> b.ipRange("2001:db8::/32")));
    return tampered.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
      String[] parts = split(e.getValue());
      assertDenied(parts[0], parts[1]);
    }));
  }

  @Test
  void a_policy_with_unknown_conditions_or_statements_is_malformed() {
    assertThat(Policy.parse("{\"Statement\":[{\"Resource\":\"*\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":9}}}]}"
        .getBytes(StandardCharsets.UTF_8))).isPresent();
    for (String bad : new String[] {
        "{\"Statement\":[{\"Resource\":\"*\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":\"9\"}}}]}",
        "{\"Statement\":[{\"Resource\":\"*\",\"Condition\":{\"DateGreaterThan\":{\"AWS:EpochTime\":9}}}]}",
        "{\"Statement\":[{\"Resource\":\"*\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":9},\"Extra\":{}}}]}",
        "{\"Statement\":[{\"Resource\":\"*\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":9}}},{}]}",
        "{\"Statement\":[{\"Resource\":\"a\",\"Resource\":\"*\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":9}}}]}",
        "{\"Statement\":[{\"Resource\":\"*\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":9},"
            + "\"IpAddress\":{\"AWS:SourceIp\":\"example.com\"}}}]}",
        "not json"}) {
      assertThat(Policy.parse(bad.getBytes(StandardCharsets.UTF_8))).as(bad).isEmpty();
    }
  }

  /** A custom-policy URL whose policy needs base64 padding, so its URL-safe and standard spellings differ. */
  private static String paddedPolicy() {
    for (String block : new String[] {"0.0.0.0/0", "203.0.0.0/8", "203.0.0.0/16", "203.0.113.0/24"}) {
      String url = custom(b -> b.ipRange(block));
      if (!standard(value(url, "Policy")).equals(value(url, "Policy"))) {
        return url;
      }
    }
    throw new AssertionError("no policy length needed padding");
  }

  private void assertDenied(String url, String query) {
    assertThatThrownBy(() -> verifier.verify(url, query, CLIENT)).isInstanceOfSatisfying(Problem.class,
        p -> assertThat(p.status()).isEqualTo(403));
  }

  private static String custom(UnaryOperator<CustomSignerRequest.Builder> change) {
    return CLOUDFRONT.getSignedUrlWithCustomPolicy(change.apply(CustomSignerRequest.builder()
        .resourceUrl(TRACK + "master.m3u8").resourceUrlPattern(TRACK + "*").privateKey(KEY.privateKey())
        .keyPairId(KEY.keyPairId()).expirationDate(IN_AN_HOUR)).build()).url();
  }

  private static String canned(String url, SigningKey key) {
    return canned(url, key, IN_AN_HOUR);
  }

  private static String canned(String url, SigningKey key, Instant expires) {
    return CLOUDFRONT.getSignedUrlWithCannedPolicy(b -> b.resourceUrl(url).privateKey(key.privateKey())
        .keyPairId(key.keyPairId()).expirationDate(expires)).url();
  }

  private static String[] split(String url) {
    int q = url.indexOf('?');
    return new String[] {url.substring(0, q), url.substring(q + 1)};
  }

  private static String value(String url, String name) {
    for (String part : url.substring(url.indexOf('?') + 1).split("&")) {
      if (part.startsWith(name + "=")) {
        return part.substring(name.length() + 1);
      }
    }
    throw new AssertionError(name + " not in " + url);
  }

  private static String param(String url, String name, String newValue) {
    return url.replace(name + "=" + value(url, name), name + "=" + newValue);
  }

  private static String policyOf(String url) {
    return new String(Base64.getDecoder().decode(standard(value(url, "Policy"))), StandardCharsets.UTF_8);
  }

  private static String urlSafe(String policy) {
    return Base64.getEncoder().encodeToString(policy.getBytes(StandardCharsets.UTF_8))
        .replace('+', '-').replace('=', '_').replace('/', '~');
  }

  private static String standard(String urlSafe) {
    return urlSafe.replace('-', '+').replace('_', '=').replace('~', '/');
  }

  /** The same length, one character changed in the middle. */
  private static String flip(String signature) {
    int i = signature.length() / 2;
    return signature.substring(0, i) + (signature.charAt(i) == 'A' ? 'B' : 'A') + signature.substring(i + 1);
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
