package dev.tonearm.server.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * One endpoint as the route table lists it: method, path, who may call it, and what the OpenAPI document says
 * of it. The same records register the handlers, build {@code /openapi.json} and drive the auth-matrix test,
 * so a route cannot be served without being documented and access-checked.
 */
public record Route(HandlerType method, String path, Access access, String summary, List<Param> params,
    String requestBody, Handler handler) {

  /** A query parameter as documented in the OpenAPI document. */
  public record Param(String name, String description, boolean required) {}

  public static Route of(HandlerType method, String path, Access access, String summary, Handler handler) {
    return new Route(method, path, access, summary, List.of(), null, handler);
  }

  public Route withParams(Param... params) {
    return new Route(method, path, access, summary, List.of(params), requestBody, handler);
  }

  /** Names the request body's media types, e.g. {@code "application/json"}. */
  public Route withBody(String mediaTypes) {
    return new Route(method, path, access, summary, params, mediaTypes, handler);
  }
}
