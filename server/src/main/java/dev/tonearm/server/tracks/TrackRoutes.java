package dev.tonearm.server.tracks;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tonearm.catalog.Track;
import dev.tonearm.server.auth.AuthGate;
import dev.tonearm.server.auth.Caller;
import dev.tonearm.server.http.Json;
import dev.tonearm.server.http.Problem;
import dev.tonearm.server.http.QueryParams;
import dev.tonearm.server.tracks.TrackFields.ReadOnly;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** HTTP handlers for {@code /v1/tracks}: parse, call {@link TrackService}, render. */
public final class TrackRoutes {
  public static final int DEFAULT_LIMIT = 25;
  public static final int MAX_LIMIT = 100;
  private static final Pattern STRONG_ETAG = Pattern.compile("\"(\\d{1,18})\"");

  private final TrackService service;

  public TrackRoutes(TrackService service) {
    this.service = service;
  }

  public void list(Context ctx) {
    int limit = QueryParams.intInRange(ctx, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
    String cursor = QueryParams.optional(ctx, "cursor");
    TrackService.Listing listing = service.list(AuthGate.caller(ctx), cursor, limit);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", listing.items().stream().map(TrackView::of).toList());
    body.put("nextCursor", listing.nextCursor());
    ctx.json(body);
  }

  public void get(Context ctx) {
    Track track = service.get(AuthGate.caller(ctx), ctx.pathParam("id"));
    String etag = etag(track);
    ctx.header("ETag", etag);
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    ctx.json(TrackView.of(track));
  }

  public void create(Context ctx) {
    Map<String, Object> fields = TrackFields.check(Json.parse(ctx.body()), true, ReadOnly.REJECT);
    Track track = service.create(AuthGate.caller(ctx), fields);
    ctx.status(201).header("Location", "/v1/tracks/" + track.id()).header("ETag", etag(track))
        .json(TrackView.of(track));
  }

  public void patch(Context ctx) {
    Map<String, Object> fields = TrackFields.check(Json.parse(ctx.body()), false, ReadOnly.REJECT);
    Track track = service.patch(AuthGate.caller(ctx), ctx.pathParam("id"), fields, ifMatch(ctx));
    ctx.header("ETag", etag(track)).json(TrackView.of(track));
  }

  public void delete(Context ctx) {
    service.delete(AuthGate.caller(ctx), ctx.pathParam("id"), ifMatch(ctx));
    ctx.status(204);
  }

  public void lookup(Context ctx) {
    String fileName = QueryParams.required(ctx, "fileName");
    Track track = service.lookup(AuthGate.caller(ctx), fileName);
    ctx.header("ETag", etag(track)).json(TrackView.of(track));
  }

  public void export(Context ctx) throws IOException {
    String format = QueryParams.oneOf(ctx, "format", List.of("json", "csv"), "json");
    Caller caller = AuthGate.caller(ctx);
    ctx.header("Content-Disposition", "attachment; filename=\"tracks." + format + "\"");
    if (format.equals("csv")) {
      ctx.contentType("text/csv; charset=utf-8");
      try (Writer writer = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
           CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
               .setHeader(TrackCsv.EXPORT_HEADER.toArray(String[]::new)).get())) {
        service.forEachVisible(caller, t -> printRow(csv, t));
      }
    } else {
      ctx.contentType("application/json");
      try (JsonGenerator json = Json.MAPPER.createGenerator(ctx.outputStream())) {
        json.writeStartArray();
        service.forEachVisible(caller, t -> writeTrack(json, t));
        json.writeEndArray();
      }
    }
  }

  private static void printRow(CSVPrinter csv, Track t) {
    try {
      csv.printRecord(TrackCsv.row(t));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void writeTrack(JsonGenerator json, Track t) {
    try {
      json.writeObject(TrackView.of(t));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String etag(Track track) {
    return "\"" + track.version() + "\"";
  }

  /** {@code If-Match: "<version>"}; absent means "whatever is current". */
  static OptionalLong ifMatch(Context ctx) {
    String header = ctx.header("If-Match");
    if (header == null || header.isBlank() || header.strip().equals("*")) {
      return OptionalLong.empty();
    }
    Matcher m = STRONG_ETAG.matcher(header.strip());
    if (!m.matches()) {
      throw Problem.badRequest("If-Match must be one strong ETag as returned by GET, e.g. \"3\"");
    }
    return OptionalLong.of(Long.parseLong(m.group(1)));
  }
}
