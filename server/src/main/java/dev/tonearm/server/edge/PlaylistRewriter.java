package dev.tonearm.server.edge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hands a playlist's signature on to every URI inside it. A player resolves {@code aac_96k.m3u8} or
 * {@code aac_96k_000.m4s} against the playlist's URL and drops its query string (RFC 3986; Safari's native player
 * and hls.js alike), so without this every fetch after the master playlist would be unsigned. The signing
 * parameters are copied verbatim, not re-signed: a custom policy whose resource is the track's HLS directory with
 * a wildcard covers each of those URIs, so the rewriter needs no key. Absolute URLs (another host) are left alone.
 */
final class PlaylistRewriter {
  private static final Pattern URI_ATTRIBUTE = Pattern.compile("URI=\"([^\"]*)\"");
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

  private PlaylistRewriter() {}

  static String rewrite(String playlist, String signing) {
    StringBuilder out = new StringBuilder(playlist.length() + 512);
    for (String line : playlist.split("(?<=\n)")) {
      String body = line.stripTrailing();
      String ending = line.substring(body.length());
      if (body.startsWith("#")) {
        Matcher m = URI_ATTRIBUTE.matcher(body);
        out.append(m.replaceAll(r -> Matcher.quoteReplacement("URI=\"" + signed(r.group(1), signing) + "\"")));
      } else if (!body.isBlank()) {
        out.append(signed(body.strip(), signing));
      } else {
        out.append(body);
      }
      out.append(ending);
    }
    return out.toString();
  }

  private static String signed(String uri, String signing) {
    if (uri.isEmpty() || uri.startsWith("//") || SCHEME.matcher(uri).find()) {
      return uri;
    }
    int fragment = uri.indexOf('#');
    String head = fragment < 0 ? uri : uri.substring(0, fragment);
    String tail = fragment < 0 ? "" : uri.substring(fragment);
    return head + (head.indexOf('?') < 0 ? "?" : "&") + signing + tail;
  }
}
