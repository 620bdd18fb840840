package dev.tonearm.server.http;

import java.util.List;

/**
 * A client-visible failure with an HTTP status, a short title and a human-readable detail. {@code errors}
 * names each bad field of a request when there are several.
 */
public class Problem extends RuntimeException {
  private final int status;
  private final String title;
  private final List<FieldError> errors;

  public Problem(int status, String title, String detail) {
    this(status, title, detail, List.of());
  }

  public Problem(int status, String title, String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** One invalid field of a request: its JSON name (or CSV column) and what is wrong with it. */
  public record FieldError(String field, String message) {}

  public static Problem badRequest(String detail) {
    return new Problem(400, "Bad Request", detail);
  }

  public static Problem invalid(List<FieldError> errors) {
    String detail = errors.size() == 1
        ? errors.getFirst().field() + ": " + errors.getFirst().message()
        : errors.size() + " fields are invalid";
    return new Problem(400, "Bad Request", detail, errors);
  }

  public static Problem unauthorized(String detail) {
    return new Problem(401, "Unauthorized", detail);
  }

  public static Problem forbidden(String detail) {
    return new Problem(403, "Forbidden", detail);
  }

  public static Problem notFound(String detail) {
    return new Problem(404, "Not Found", detail);
  }

  public static Problem preconditionFailed(String detail) {
    return new Problem(412, "Precondition Failed", detail);
  }

  public static Problem conflict(String detail) {
    return new Problem(409, "Conflict", detail);
  }

  public static Problem unavailable(String detail) {
    return new Problem(503, "Service Unavailable", detail);
  }
}
