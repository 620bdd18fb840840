package dev.tonearm.ingest.tags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tag values by canonical name ({@link TagNames}), as a reader found them: strings, possibly several per name,
 * not yet interpreted. Merging keeps the first reader's values for every name it has.
 */
public final class RawTags {
  private final Map<String, List<String>> values = new LinkedHashMap<>();

  public void add(String name, String value) {
    if (value != null && !value.isBlank()) {
      values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
  }

  public List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  public String first(String name) {
    List<String> all = all(name);
    return all.isEmpty() ? null : all.getFirst();
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** These values, with {@code fallback}'s for every name these lack. */
  public RawTags orElse(RawTags fallback) {
    RawTags merged = new RawTags();
    values.forEach((name, list) -> list.forEach(v -> merged.add(name, v)));
    fallback.values.forEach((name, list) -> {
      if (!values.containsKey(name)) {
        list.forEach(v -> merged.add(name, v));
      }
    });
    return merged;
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
