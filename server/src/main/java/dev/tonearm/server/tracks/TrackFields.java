package dev.tonearm.server.tracks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tonearm.catalog.AudioFeatures;
import dev.tonearm.catalog.Visibility;
import dev.tonearm.server.http.Problem;
import dev.tonearm.server.http.Problem.FieldError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The editable fields of a track and their rules, applied to one JSON object. Every bad field is reported, not
 * just the first. The result maps each field present in the input to its checked value ({@code null} clears an
 * optional field), ready for {@link TrackChanges}.
 */
public final class TrackFields {
  public static final String TITLE = "title";
  public static final String ARTISTS = "artists";
  public static final String ARTIST = "artist";
  public static final String ALBUM = "album";
  public static final String ALBUM_ARTIST = "albumArtist";
  public static final String GENRES = "genres";
  public static final String YEAR = "year";
  public static final String DURATION_MS = "durationMs";
  public static final String TRACK_NUMBER = "trackNumber";
  public static final String DISC_NUMBER = "discNumber";
  public static final String FILE_NAME = "fileName";
  public static final String VISIBILITY = "visibility";
  /** An object of {@link AudioFeatures#NAMES}, all but key and mode required; {@code null} removes it. */
  public static final String AUDIO_FEATURES = "audioFeatures";

  /** Fields a client may set, in documentation order. */
  public static final List<String> EDITABLE = List.of(TITLE, ARTISTS, ARTIST, ALBUM, ALBUM_ARTIST, GENRES, YEAR,
      DURATION_MS, TRACK_NUMBER, DISC_NUMBER, FILE_NAME, VISIBILITY, AUDIO_FEATURES);
  /** Fields the server owns: shown in responses and exports, refused in writes (ignored in imports). */
  public static final Set<String> READ_ONLY = Set.of("id", "owner", "status", "version", "createdAt",
      "updatedAt", "sha256", "mediaKeys");

  static final int MAX_TITLE = 500;
  static final int MAX_NAME = 500;
  static final int MAX_LIST = 50;
  static final int MAX_FILE_NAME = 1024;

  /** Whether read-only fields are an error (API writes) or silently skipped (imports of exported files). */
  public enum ReadOnly { REJECT, IGNORE }

  private TrackFields() {}

  /**
   * Checks {@code body} and returns the fields it sets. {@code requireTitle} is true for creation. Throws a
   * 400 {@link Problem} that lists every bad field.
   */
  public static Map<String, Object> check(JsonNode body, boolean requireTitle, ReadOnly readOnly) {
    if (body == null || !body.isObject()) {
      throw Problem.badRequest("the request body must be a JSON object");
    }
    List<FieldError> errors = new ArrayList<>();
    Map<String, Object> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      if (READ_ONLY.contains(name)) {
        if (readOnly == ReadOnly.REJECT) {
          errors.add(new FieldError(name, "is set by the server and cannot be written"));
        }
      } else if (!EDITABLE.contains(name)) {
        errors.add(new FieldError(name, "is not a track field"));
      } else if (name.equals(AUDIO_FEATURES)) {
        audioFeatures(field.getValue(), values, errors);
      } else {
        checkOne(name, field.getValue(), values, errors);
      }
    }
    if (requireTitle && !values.containsKey(TITLE) && errors.stream().noneMatch(e -> e.field().equals(TITLE))) {
      errors.add(new FieldError(TITLE, "is required"));
    }
    if (!errors.isEmpty()) {
      throw Problem.invalid(errors);
    }
    return values;
  }

  private static void checkOne(String name, JsonNode value, Map<String, Object> out, List<FieldError> errors) {
    String problem = switch (name) {
      case TITLE -> text(value, MAX_TITLE, false, v -> out.put(name, v));
      case ARTIST, ALBUM, ALBUM_ARTIST -> text(value, MAX_NAME, true, v -> out.put(name, v));
      case FILE_NAME -> text(value, MAX_FILE_NAME, true, v -> out.put(name, v));
      case ARTISTS, GENRES -> names(value, v -> out.put(name, v));
      case YEAR -> integer(value, 1000, 2100, v -> out.put(name, v));
      case TRACK_NUMBER -> integer(value, 1, 9999, v -> out.put(name, v));
      case DISC_NUMBER -> integer(value, 1, 999, v -> out.put(name, v));
      case DURATION_MS -> duration(value, v -> out.put(name, v));
      case VISIBILITY -> visibility(value, v -> out.put(name, v));
      default -> throw new IllegalStateException("unhandled field " + name);
    };
    if (problem != null) {
      errors.add(new FieldError(name, problem));
    }
  }

  private static String text(JsonNode value, int max, boolean nullable, java.util.function.Consumer<String> ok) {
    if (value.isNull()) {
      if (!nullable) {
        return "cannot be null";
      }
      ok.accept(null);
      return null;
    }
    if (!value.isTextual()) {
      return "must be a string";
    }
    String text = value.asText().strip();
    String bad = Text.problemWith(text, max);
    if (bad != null) {
      return bad;
    }
    ok.accept(text);
    return null;
  }

  private static String names(JsonNode value, java.util.function.Consumer<List<String>> ok) {
    if (value.isNull()) {
      ok.accept(List.of());
      return null;
    }
    if (!value.isArray()) {
      return "must be an array of strings";
    }
    if (value.size() > MAX_LIST) {
      return "must have at most " + MAX_LIST + " entries";
    }
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode element : value) {
      if (!element.isTextual()) {
        return "must be an array of strings";
      }
      String name = element.asText().strip();
      String bad = Text.problemWith(name, MAX_NAME);
      if (bad != null) {
        return "entry '" + Text.preview(name) + "' " + bad;
      }
      names.add(name);
    }
    ok.accept(List.copyOf(names));
    return null;
  }

  private static String integer(JsonNode value, int min, int max, java.util.function.Consumer<Integer> ok) {
    if (value.isNull()) {
      ok.accept(null);
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
      return "must be a whole number from " + min + " to " + max;
    }
    ok.accept(value.intValue());
    return null;
  }

  private static String duration(JsonNode value, java.util.function.Consumer<Long> ok) {
    if (value.isNull()) {
      ok.accept(null);
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
      return "must be a whole number of milliseconds, 0 or more";
    }
    ok.accept(value.longValue());
    return null;
  }

  private static String visibility(JsonNode value, java.util.function.Consumer<Visibility> ok) {
    if (!value.isTextual()) {
      return "must be 'public' or 'private'";
    }
    try {
      ok.accept(Visibility.fromWire(value.asText()));
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /**
   * All of a description or none: every required value present and in range, key and mode optional, nothing else.
   * Each bad value is reported as {@code audioFeatures.<name>}.
   */
  private static void audioFeatures(JsonNode value, Map<String, Object> out, List<FieldError> errors) {
    if (value.isNull()) {
      out.put(AUDIO_FEATURES, null);
      return;
    }
    if (!value.isObject()) {
      errors.add(new FieldError(AUDIO_FEATURES, "must be an object of audio features, or null"));
      return;
    }
    int before = errors.size();
    Map<String, Number> numbers = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> feature = it.next();
      String name = feature.getKey();
      String field = AUDIO_FEATURES + "." + name;
      JsonNode number = feature.getValue();
      if (!AudioFeatures.NAMES.contains(name)) {
        errors.add(new FieldError(field, "is not an audio feature"));
      } else if (number.isNull() && !AudioFeatures.REQUIRED.contains(name)) {
        continue; // an unknown key or mode
      } else {
        String problem = AudioFeatures.problem(name, number.isNumber() ? number.doubleValue() : Double.NaN);
        if (problem != null) {
          errors.add(new FieldError(field, problem));
        } else {
          numbers.put(name, number.numberValue());
        }
      }
    }
    for (String name : AudioFeatures.REQUIRED) {
      if (!value.has(name)) {
        errors.add(new FieldError(AUDIO_FEATURES + "." + name, "is required: audio features are all given or none"));
      }
    }
    if (errors.size() == before) {
      out.put(AUDIO_FEATURES, AudioFeatures.of(numbers));
    }
  }
}
