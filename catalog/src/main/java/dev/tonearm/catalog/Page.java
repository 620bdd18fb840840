package dev.tonearm.catalog;

import java.util.List;

/**
 * One page of a listing in id order. {@code lastId} is where the next page starts (exclusive), or {@code null}
 * when this is the last page.
 */
public record Page<T>(List<T> items, String lastId) {
  public Page {
    items = List.copyOf(items);
  }

  public boolean hasMore() {
    return lastId != null;
  }
}
