package dev.tonearm.server.auth;

import dev.tonearm.server.http.Access;
import dev.tonearm.server.http.Problem;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Set;

/**
 * Runs before every matched route: public routes pass; all others need a valid bearer token, and admin routes
 * the {@code admin} group. The verified {@link Caller} is attached to the request for handlers to read.
 */
public final class AuthGate {
  private static final String ATTRIBUTE = "tonearm.caller";
  private static final String BEARER = "Bearer ";

  private final AccessTokenVerifier verifier;

  public AuthGate(AccessTokenVerifier verifier) {
    this.verifier = verifier;
  }

  public void check(Context ctx) {
    Set<RouteRole> roles = ctx.routeRoles();
    if (roles.contains(Access.PUBLIC)) {
      return;
    }
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      throw Problem.unauthorized("this route needs an access token: send 'Authorization: Bearer <token>'");
    }
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw Problem.unauthorized("the Authorization header must use the Bearer scheme");
    }
    Caller caller = verifier.verify(header.substring(BEARER.length()).strip());
    if (roles.contains(Access.ADMIN) && !caller.isAdmin()) {
      throw Problem.forbidden("this route is for admins (the 'admin' group)");
    }
    ctx.attribute(ATTRIBUTE, caller);
  }

  /** The caller of an authenticated route; only absent on public routes, where handlers do not ask. */
  public static Caller caller(Context ctx) {
    Caller caller = ctx.attribute(ATTRIBUTE);
    if (caller == null) {
      throw new IllegalStateException("no caller on " + ctx.path() + ": is the route public?");
    }
    return caller;
  }
}
