package dev.tonearm.catalog;

import java.util.Objects;

/** The caller on whose behalf the catalog is read: what they may see depends on who they are. */
public record Viewer(String userId, boolean admin) {
  public Viewer {
    Objects.requireNonNull(userId, "userId");
  }
}
