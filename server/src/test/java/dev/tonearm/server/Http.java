package dev.tonearm.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tonearm.server.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A small HTTP client for tests: real requests, responses with their JSON parsed. */
public final class Http {
  private final String base;
  private final HttpClient client = HttpClient.newHttpClient();

  public Http(String base) {
    this.base = base;
  }

  /** A response: status, headers and body, the body parsed as JSON when it is JSON. */
  public record Response(int status, HttpResponse<String> raw) {
    public JsonNode json() {
      return Json.parse(raw.body());
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }
  }

  public Response send(String method, String path, String token, String contentType, String body,
      Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Response get(String path, String token) {
    return send("GET", path, token, null, null, Map.of());
  }

  public Response post(String path, String token, String json) {
    return send("POST", path, token, "application/json", json, Map.of());
  }

  public Response patch(String path, String token, String json, Map<String, String> headers) {
    return send("PATCH", path, token, "application/json", json, headers);
  }

  public Response delete(String path, String token, Map<String, String> headers) {
    return send("DELETE", path, token, null, null, headers);
  }
}
