package dev.tonearm.server.http;

import io.javalin.http.Context;
import java.util.List;

/** Query parameters with their rules; a bad one is a 400 that names it. */
public final class QueryParams {
  private QueryParams() {}

  public static String optional(Context ctx, String name) {
    List<String> values = ctx.queryParams(name);
    if (values.size() > 1) {
      throw Problem.invalid(List.of(new Problem.FieldError(name, "must be given at most once")));
    }
    return values.isEmpty() || values.getFirst().isEmpty() ? null : values.getFirst();
  }

  public static String required(Context ctx, String name) {
    String value = optional(ctx, name);
    if (value == null) {
      throw Problem.invalid(List.of(new Problem.FieldError(name, "is required")));
    }
    return value;
  }

  public static int intInRange(Context ctx, String name, int min, int max, int fallback) {
    String value = optional(ctx, name);
    if (value == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw Problem.invalid(List.of(new Problem.FieldError(name, "must be a whole number from " + min + " to " + max)));
  }

  public static String oneOf(Context ctx, String name, List<String> allowed, String fallback) {
    String value = optional(ctx, name);
    if (value == null) {
      return fallback;
    }
    if (!allowed.contains(value)) {
      throw Problem.invalid(List.of(new Problem.FieldError(name, "must be one of " + allowed)));
    }
    return value;
  }
}
