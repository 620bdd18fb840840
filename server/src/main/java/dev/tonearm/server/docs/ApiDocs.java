package dev.tonearm.server.docs;

import dev.tonearm.server.http.Access;
import dev.tonearm.server.http.Json;
import dev.tonearm.server.http.Route;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** Serves the OpenAPI document built from the route table, and Swagger UI over it. */
public final class ApiDocs {
  private final Supplier<List<Route>> routes;
  private final String swaggerUiVersion;
  private volatile String document;

  public ApiDocs(Supplier<List<Route>> routes, String swaggerUiVersion) {
    this.routes = routes;
    this.swaggerUiVersion = swaggerUiVersion;
  }

  public void openApi(Context ctx) {
    if (document == null) {
      document = Json.write(build(routes.get()));
    }
    ctx.contentType("application/json").result(document);
  }

  public void ui(Context ctx) {
    String assets = "/webjars/swagger-ui/" + swaggerUiVersion;
    ctx.html("""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Tonearm API</title>
        <link rel="stylesheet" href="%1$s/swagger-ui.css"></head>
        <body><div id="ui"></div>
        <script src="%1$s/swagger-ui-bundle.js"></script>
        <script>SwaggerUIBundle({url: '/openapi.json', dom_id: '#ui', persistAuthorization: true});</script>
        </body></html>
        """.formatted(assets));
  }

  static Map<String, Object> build(List<Route> routes) {
    Map<String, Object> paths = new LinkedHashMap<>();
    for (Route route : routes) {
      @SuppressWarnings("unchecked")
      Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(route.path(), p -> new LinkedHashMap<>());
      item.put(route.method().name().toLowerCase(Locale.ROOT), operation(route));
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.1.0");
    doc.put("info", Map.of("title", "Tonearm API", "version", "1",
        "description", "Search-first music streaming. Every /v1 route needs a Cognito access token."));
    doc.put("paths", paths);
    doc.put("components", Map.of(
        "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT")),
        "schemas", Map.of("Problem", problemSchema())));
    return doc;
  }

  private static Map<String, Object> operation(Route route) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("summary", route.summary());
    if (route.access() != Access.PUBLIC) {
      op.put("security", List.of(Map.of("bearer", List.of())));
    }
    List<Map<String, Object>> parameters = new java.util.ArrayList<>();
    if (route.path().contains("{id}")) {
      parameters.add(Map.of("name", "id", "in", "path", "required", true, "schema", Map.of("type", "string")));
    }
    route.params().forEach(p -> parameters.add(Map.of("name", p.name(), "in", "query", "required", p.required(),
        "description", p.description(), "schema", Map.of("type", "string"))));
    if (!parameters.isEmpty()) {
      op.put("parameters", parameters);
    }
    if (route.requestBody() != null) {
      Map<String, Object> content = new LinkedHashMap<>();
      for (String type : route.requestBody().split(",\\s*")) {
        content.put(type, Map.of());
      }
      op.put("requestBody", Map.of("required", true, "content", content));
    }
    Map<String, Object> responses = new LinkedHashMap<>();
    responses.put("2XX", Map.of("description", "Success"));
    Map<String, Object> problem = Map.of("application/problem+json",
        Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")));
    responses.put("4XX", Map.of("description", "A problem with the request", "content", problem));
    op.put("responses", responses);
    op.put("x-access", route.access().name().toLowerCase(Locale.ROOT));
    return op;
  }

  private static Map<String, Object> problemSchema() {
    return Map.of("type", "object", "properties", Map.of(
        "type", Map.of("type", "string"), "title", Map.of("type", "string"), "status", Map.of("type", "integer"),
        "detail", Map.of("type", "string"), "instance", Map.of("type", "string"),
        "requestId", Map.of("type", "string"),
        "errors", Map.of("type", "array", "items", Map.of("type", "object", "properties",
            Map.of("field", Map.of("type", "string"), "message", Map.of("type", "string"))))));
  }
}
