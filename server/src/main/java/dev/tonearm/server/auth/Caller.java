package dev.tonearm.server.auth;

import dev.tonearm.catalog.Viewer;
import java.util.Set;

/** The verified identity behind a request: the token's subject, username and groups. */
public record Caller(String userId, String username, Set<String> groups) {
  public static final String ADMIN_GROUP = "admin";

  public Caller {
    groups = Set.copyOf(groups);
  }

  public boolean isAdmin() {
    return groups.contains(ADMIN_GROUP);
  }

  public Viewer viewer() {
    return new Viewer(userId, isAdmin());
  }
}
