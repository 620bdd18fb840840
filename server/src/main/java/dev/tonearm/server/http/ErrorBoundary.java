package dev.tonearm.server.http;

import dev.tonearm.catalog.VersionConflictException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become responses. {@link Problem}s and Javalin's own HTTP errors keep their
 * status; a version conflict that escaped its handler is a 409; anything else is a 500 that names the request
 * id and is logged with its stack trace. Unmatched paths get a problem body too.
 */
public final class ErrorBoundary {
  public static final String PROBLEM_JSON = "application/problem+json";
  private static final Logger LOG = LoggerFactory.getLogger(ErrorBoundary.class);

  private ErrorBoundary() {}

  public static void install(Javalin app) {
    app.exception(Problem.class, (problem, ctx) -> respond(ctx, problem));
    app.exception(VersionConflictException.class,
        (conflict, ctx) -> respond(ctx, Problem.conflict(conflict.getMessage())));
    app.exception(HttpResponseException.class, (e, ctx) -> respond(ctx,
        new Problem(e.getStatus(), reason(e.getStatus()), e.getMessage())));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.atError().setCause(e).addKeyValue("path", ctx.path()).log("unhandled error");
      respond(ctx, new Problem(500, "Internal Server Error",
          "something went wrong on our side; quote request id " + RequestIds.of(ctx) + " when reporting it"));
    });
    app.error(404, ctx -> {
      if (!PROBLEM_JSON.equals(ctx.res().getContentType())) {
        respond(ctx, Problem.notFound("no route for " + ctx.method() + " " + ctx.path()));
      }
    });
  }

  public static void respond(Context ctx, Problem problem) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", problem.title());
    body.put("status", problem.status());
    body.put("detail", problem.detail());
    body.put("instance", ctx.path());
    body.put("requestId", RequestIds.of(ctx));
    if (!problem.errors().isEmpty()) {
      List<Map<String, String>> errors = problem.errors().stream()
          .map(e -> Map.of("field", e.field(), "message", e.message())).toList();
      body.put("errors", errors);
    }
    if (problem.status() == 401) {
      ctx.header("WWW-Authenticate", "Bearer");
    }
    ctx.status(problem.status()).contentType(PROBLEM_JSON).result(Json.write(body));
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      default -> "HTTP " + status;
    };
  }
}
