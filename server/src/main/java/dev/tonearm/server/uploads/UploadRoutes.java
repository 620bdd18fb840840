package dev.tonearm.server.uploads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tonearm.catalog.Upload;
import dev.tonearm.server.auth.AuthGate;
import dev.tonearm.server.http.Json;
import dev.tonearm.server.http.Problem;
import dev.tonearm.server.http.QueryParams;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** HTTP handlers for {@code /v1/uploads}: parse, call {@link UploadService}, render. */
public final class UploadRoutes {
  static final int DEFAULT_LIMIT = 25;
  static final int MAX_LIMIT = 100;

  private final UploadService service;

  public UploadRoutes(UploadService service) {
    this.service = service;
  }

  /** Routes for a server without media storage: every upload route answers 503. */
  public static UploadRoutes unavailable() {
    return new UploadRoutes(null);
  }

  public void create(Context ctx) {
    UploadRequest request = UploadRequest.parse(Json.parse(ctx.body()), service().limits().maxBytes());
    UploadService.Created created = service().create(AuthGate.caller(ctx), request);
    switch (created) {
      case UploadService.Known known -> ctx.status(200).json(UploadView.of(known.upload(), Optional.empty()));
      case UploadService.Fresh fresh -> ctx.status(201).header("Location", "/v1/uploads/" + fresh.upload().id())
          .json(fresh.put() != null ? UploadView.single(fresh.upload(), fresh.put())
              : UploadView.multipart(fresh.upload(), fresh.partSize(), fresh.parts()));
    }
  }

  public void get(Context ctx) {
    Upload upload = service().get(AuthGate.caller(ctx), ctx.pathParam("id"));
    ctx.json(UploadView.of(upload, service().tags(upload)));
  }

  public void list(Context ctx) {
    int limit = QueryParams.intInRange(ctx, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
    UploadService.Listing listing = service().list(AuthGate.caller(ctx), QueryParams.optional(ctx, "cursor"), limit);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", listing.items().stream().map(u -> UploadView.of(u, Optional.empty())).toList());
    body.put("nextCursor", listing.nextCursor());
    ctx.json(body);
  }

  public void complete(Context ctx) {
    Map<Integer, String> etags = parts(Json.parse(ctx.body()));
    Upload upload = service().complete(AuthGate.caller(ctx), ctx.pathParam("id"), etags);
    ctx.json(UploadView.of(upload, Optional.empty()));
  }

  /** {@code {"parts":[{"partNumber":1,"etag":"\"…\""}, …]}}: every part from 1 up, once each. */
  static Map<Integer, String> parts(JsonNode body) {
    JsonNode parts = body == null ? null : body.get("parts");
    if (parts == null || !parts.isArray() || parts.isEmpty()) {
      throw Problem.invalid(List.of(new Problem.FieldError("parts",
          "is required: [{\"partNumber\": 1, \"etag\": \"…\"}, …], the ETag S3 answered for each part")));
    }
    TreeMap<Integer, String> etags = new TreeMap<>();
    for (JsonNode part : parts) {
      JsonNode number = part.get("partNumber");
      JsonNode etag = part.get("etag");
      if (number == null || !number.canConvertToInt() || number.asInt() < 1 || etag == null || !etag.isTextual()
          || etag.asText().isBlank()) {
        throw Problem.invalid(List.of(new Problem.FieldError("parts",
            "each part needs a partNumber from 1 and its etag")));
      }
      if (etags.put(number.asInt(), etag.asText()) != null) {
        throw Problem.invalid(List.of(new Problem.FieldError("parts", "part " + number.asInt() + " is listed twice")));
      }
    }
    if (etags.lastKey() != etags.size()) {
      throw Problem.invalid(List.of(new Problem.FieldError("parts", "parts must be numbered 1 to " + etags.size()
          + " with none missing")));
    }
    return etags;
  }

  private UploadService service() {
    if (service == null) {
      throw Problem.unavailable("uploads are not configured on this server (no media storage)");
    }
    return service;
  }
}
