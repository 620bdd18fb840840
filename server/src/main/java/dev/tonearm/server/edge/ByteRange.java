package dev.tonearm.server.edge;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a {@code Range} header: {@code bytes=first-last}, {@code bytes=first-} or {@code bytes=-suffix}.
 * Several ranges, other units or malformed headers are ignored, as RFC 9110 allows: the whole object is sent.
 */
record ByteRange(Long first, Long last) {
  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

  static Optional<ByteRange> parse(String header) {
    if (header == null) {
      return Optional.empty();
    }
    Matcher m = SINGLE.matcher(header.strip());
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return Optional.empty();
    }
    Long first = m.group(1).isEmpty() ? null : Long.parseLong(m.group(1));
    Long last = m.group(2).isEmpty() ? null : Long.parseLong(m.group(2));
    if (first != null && last != null && last < first) {
      return Optional.empty();
    }
    return Optional.of(new ByteRange(first, last));
  }

  /** The first and last byte of this range in an object of {@code length} bytes; empty when unsatisfiable. */
  Optional<long[]> resolve(long length) {
    if (first == null) {
      return last == 0 || length == 0 ? Optional.empty() : Optional.of(new long[] {Math.max(0, length - last), length - 1});
    }
    if (first >= length) {
      return Optional.empty();
    }
    return Optional.of(new long[] {first, last == null ? length - 1 : Math.min(last, length - 1)});
  }
}
