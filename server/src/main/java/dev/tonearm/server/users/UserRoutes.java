package dev.tonearm.server.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tonearm.catalog.UserProfile;
import dev.tonearm.catalog.UserRepository;
import dev.tonearm.catalog.VersionConflictException;
import dev.tonearm.server.auth.AuthGate;
import dev.tonearm.server.auth.Caller;
import dev.tonearm.server.http.Json;
import dev.tonearm.server.http.Problem;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** {@code /v1/me}: the caller's profile. */
public final class UserRoutes {
  static final int MAX_DISPLAY_NAME = 100;

  private final UserRepository users;

  public UserRoutes(UserRepository users) {
    this.users = users;
  }

  public void me(Context ctx) {
    Caller caller = AuthGate.caller(ctx);
    ctx.json(view(users.getOrCreate(caller.userId(), caller.username()), caller));
  }

  public void rename(Context ctx) {
    Caller caller = AuthGate.caller(ctx);
    String displayName = displayName(Json.parse(ctx.body()));
    for (int attempt = 1; ; attempt++) {
      UserProfile current = users.getOrCreate(caller.userId(), caller.username());
      try {
        ctx.json(view(users.rename(caller.userId(), current.version(), displayName), caller));
        return;
      } catch (VersionConflictException raced) {
        if (attempt == 5) {
          throw raced;
        }
      }
    }
  }

  private static String displayName(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw Problem.badRequest("the request body must be a JSON object");
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("displayName")) {
        errors.add(new Problem.FieldError(name, "is not an editable profile field"));
      }
    }
    JsonNode value = body.get("displayName");
    String name = value != null && value.isTextual() ? value.asText().strip() : null;
    if (name == null || name.isEmpty() || name.codePointCount(0, name.length()) > MAX_DISPLAY_NAME
        || name.chars().anyMatch(Character::isISOControl)) {
      errors.add(new Problem.FieldError("displayName",
          "must be a string of 1 to " + MAX_DISPLAY_NAME + " characters without control characters"));
    }
    if (!errors.isEmpty()) {
      throw Problem.invalid(errors);
    }
    return name;
  }

  private static Map<String, Object> view(UserProfile p, Caller caller) {
    return Map.of("userId", p.userId(), "username", caller.username(), "displayName", p.displayName(),
        "admin", caller.isAdmin(), "createdAt", p.createdAt().toString(), "version", p.version());
  }
}
