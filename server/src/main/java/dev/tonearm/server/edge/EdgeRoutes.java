package dev.tonearm.server.edge;

import dev.tonearm.server.edge.MediaStore.MediaObject;
import dev.tonearm.server.http.Problem;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /media/*}: the local stand-in for CloudFront. Each request must carry a valid CloudFront signature (the
 * route is public in the route table: the signature is the credential); then the object is streamed from the
 * media bucket with byte ranges, the right content type and CORS headers for players on other origins. Playlists
 * are rewritten so that every URI inside carries the signature of the request ({@link PlaylistRewriter}).
 */
public final class EdgeRoutes {
  public static final String PREFIX = "/media/";
  static final int MAX_PLAYLIST_BYTES = 1 << 20;
  private static final Logger LOG = LoggerFactory.getLogger(EdgeRoutes.class);

  private final SignatureVerifier verifier;
  private final MediaStore store;
  private final Supplier<String> baseUrl;

  /** {@code baseUrl} is the public URL the signer puts in front of keys, e.g. {@code http://127.0.0.1:8080/media}. */
  public EdgeRoutes(SignatureVerifier verifier, MediaStore store, Supplier<String> baseUrl) {
    this.verifier = verifier;
    this.store = store;
    this.baseUrl = baseUrl;
  }

  public void get(Context ctx) {
    serve(ctx, false);
  }

  public void head(Context ctx) {
    serve(ctx, true);
  }

  /** CORS preflight: players may send {@code Range}. */
  public void preflight(Context ctx) {
    cors(ctx);
    ctx.header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
        .header("Access-Control-Allow-Headers", "Range")
        .header("Access-Control-Max-Age", "86400").status(204);
  }

  private void serve(Context ctx, boolean headOnly) {
    cors(ctx);
    ctx.disableCompression();
    String rawPath = ctx.req().getRequestURI().substring(PREFIX.length());
    String key = SafePath.key(rawPath);
    SignedQuery signed = verifier.verify(baseUrl.get() + "/" + rawPath, ctx.req().getQueryString(), client(ctx));
    if (ContentTypes.isPlaylist(key) && !headOnly) {
      playlist(ctx, key, signed);
      return;
    }
    Optional<ByteRange> range = headOnly ? Optional.empty() : ByteRange.parse(ctx.header("Range"));
    Optional<long[]> slice = Optional.empty();
    if (range.isPresent()) {
      MediaObject whole = store.head(key).orElseThrow(() -> missing(key));
      slice = range.get().resolve(whole.totalLength());
      if (slice.isEmpty()) {
        ctx.header("Content-Range", "bytes */" + whole.totalLength());
        throw new Problem(416, "Range Not Satisfiable", "the object has " + whole.totalLength() + " bytes");
      }
    }
    MediaObject object = (headOnly ? store.head(key) : store.get(key, slice)).orElseThrow(() -> missing(key));
    headers(ctx, key, object);
    if (slice.isPresent()) {
      ctx.status(206).header("Content-Range",
          "bytes " + slice.get()[0] + "-" + slice.get()[1] + "/" + object.totalLength());
    }
    if (!headOnly) {
      send(ctx, key, object.body());
    }
  }

  private void playlist(Context ctx, String key, SignedQuery signed) {
    MediaObject object = store.get(key, Optional.empty()).orElseThrow(() -> missing(key));
    String text;
    try (InputStream body = object.body()) {
      byte[] bytes = body.readNBytes(MAX_PLAYLIST_BYTES + 1);
      if (bytes.length > MAX_PLAYLIST_BYTES) {
        throw new IllegalStateException("playlist " + key + " is over " + MAX_PLAYLIST_BYTES + " bytes");
      }
      text = new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read playlist " + key, e);
    }
    // Only a custom policy's wildcard can cover the URIs inside; a canned signature names one URL and is not handed on.
    byte[] out = (signed.isCustom() ? PlaylistRewriter.rewrite(text, signed.signing()) : text)
        .getBytes(StandardCharsets.UTF_8);
    ctx.header("Content-Type", ContentTypes.PLAYLIST).header("Content-Length", Long.toString(out.length))
        // The body embeds this viewer's signature: no shared cache may keep it.
        .header("Cache-Control", "private, no-store");
    ctx.result(out);
  }

  private static void headers(Context ctx, String key, MediaObject object) {
    ctx.header("Content-Type", ContentTypes.of(key, object.contentType()))
        .header("Content-Length", Long.toString(object.length()))
        .header("Accept-Ranges", "bytes");
    if (object.eTag() != null) {
      ctx.header("ETag", object.eTag());
    }
    if (object.lastModified() != null) {
      ctx.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(object.lastModified().atOffset(ZoneOffset.UTC)));
    }
    if (object.cacheControl() != null) {
      ctx.header("Cache-Control", object.cacheControl());
    }
  }

  private static void send(Context ctx, String key, InputStream body) {
    try (InputStream in = body) {
      in.transferTo(ctx.outputStream());
    } catch (IOException e) {
      // Players abandon fetches all the time (seeks, level switches): a broken pipe is not a server error.
      LOG.atDebug().addKeyValue("key", key).addKeyValue("reason", e.toString()).log("media transfer cut short");
    }
  }

  private static void cors(Context ctx) {
    // The signature is the credential, never a cookie: any origin may read, as CloudFront's SimpleCORS policy allows.
    ctx.header("Access-Control-Allow-Origin", "*")
        .header("Access-Control-Expose-Headers", "Content-Length, Content-Range, Accept-Ranges, ETag");
  }

  private static InetAddress client(Context ctx) {
    try {
      return InetAddress.getByName(ctx.req().getRemoteAddr()); // a literal address: no lookup
    } catch (UnknownHostException e) {
      throw new IllegalStateException("unreadable client address " + ctx.req().getRemoteAddr(), e);
    }
  }

  private static Problem missing(String key) {
    return Problem.notFound("no media object at " + key);
  }
}
