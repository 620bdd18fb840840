package dev.tonearm.server.ratings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tonearm.catalog.Rating;
import dev.tonearm.server.auth.AuthGate;
import dev.tonearm.server.http.Json;
import dev.tonearm.server.http.Problem;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** HTTP handlers for {@code /v1/tracks/{id}/rating}: parse, call {@link RatingService}, render. */
public final class RatingRoutes {
  private final RatingService service;

  public RatingRoutes(RatingService service) {
    this.service = service;
  }

  public void get(Context ctx) {
    ctx.json(service.get(AuthGate.caller(ctx), ctx.pathParam("id")));
  }

  public void put(Context ctx) {
    int stars = stars(Json.parse(ctx.body()));
    ctx.json(service.rate(AuthGate.caller(ctx), ctx.pathParam("id"), stars));
  }

  public void delete(Context ctx) {
    service.unrate(AuthGate.caller(ctx), ctx.pathParam("id"));
    ctx.status(204);
  }

  /** {@code {"stars": 1..5}}, an integer, and nothing else. */
  static int stars(JsonNode body) {
    if (!body.isObject()) {
      throw Problem.badRequest("the body must be a JSON object: {\"stars\": 1..5}");
    }
    List<String> unknown = new ArrayList<>();
    body.fieldNames().forEachRemaining(name -> {
      if (!name.equals("stars")) {
        unknown.add(name);
      }
    });
    if (!unknown.isEmpty()) {
      throw Problem.invalid(unknown.stream().map(name -> new Problem.FieldError(name, "is not a rating field"))
          .toList());
    }
    JsonNode stars = body.get("stars");
    if (stars == null || !stars.isIntegralNumber() || !stars.canConvertToInt()
        || stars.intValue() < Rating.MIN_STARS || stars.intValue() > Rating.MAX_STARS) {
      throw Problem.invalid(List.of(new Problem.FieldError("stars", "must be a whole number from "
          + Rating.MIN_STARS + " to " + Rating.MAX_STARS)));
    }
    return stars.intValue();
  }
}
