package dev.tonearm.server.http;

import io.javalin.security.RouteRole;

/** Who may call a route: anybody (probes and docs), any signed-in user, or admins only. */
public enum Access implements RouteRole {
  PUBLIC,
  USER,
  ADMIN
}
