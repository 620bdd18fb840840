package dev.tonearm.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a track sounds, as audio analysis describes it (the Spotify audio features): seven perceptual measures on
 * 0..1, the tempo and the loudness, and optionally the key and mode. A track has all of the required values or
 * none ({@code null} on the track): a partial description would compare as if the missing values were known.
 *
 * @param danceability how suitable for dancing, from tempo, rhythm stability and beat strength
 * @param energy perceived intensity and activity
 * @param valence musical positiveness: high sounds happy, low sad or angry
 * @param acousticness confidence that the track is acoustic
 * @param instrumentalness confidence that the track has no vocals
 * @param speechiness presence of spoken words
 * @param liveness presence of an audience
 * @param tempo estimated beats per minute, above 0 and at most {@value #MAX_TEMPO}
 * @param loudness average loudness in dB, from {@value #MIN_LOUDNESS} to {@value #MAX_LOUDNESS}
 * @param key pitch class of the key, 0 (C) to 11 (B); {@code null} when unknown
 * @param mode 1 major, 0 minor; {@code null} when unknown
 */
public record AudioFeatures(
    double danceability,
    double energy,
    double valence,
    double acousticness,
    double instrumentalness,
    double speechiness,
    double liveness,
    double tempo,
    double loudness,
    Integer key,
    Integer mode) {

  public static final double MAX_TEMPO = 300;
  public static final double MIN_LOUDNESS = -60;
  public static final double MAX_LOUDNESS = 5;

  /** The names of the values, as the API and the table spell them, in component order. */
  public static final List<String> NAMES = List.of("danceability", "energy", "valence", "acousticness",
      "instrumentalness", "speechiness", "liveness", "tempo", "loudness", "key", "mode");
  /** The values every description must have; {@code key} and {@code mode} may be left out. */
  public static final List<String> REQUIRED = NAMES.subList(0, 9);

  public AudioFeatures {
    List<String> problems = new ArrayList<>();
    double[] values = {danceability, energy, valence, acousticness, instrumentalness, speechiness, liveness, tempo,
        loudness};
    for (int i = 0; i < values.length; i++) {
      note(problems, NAMES.get(i), values[i]);
    }
    if (key != null) {
      note(problems, "key", key);
    }
    if (mode != null) {
      note(problems, "mode", mode);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("audio features out of range: " + String.join("; ", problems));
    }
  }

  private static void note(List<String> problems, String name, double value) {
    String problem = problem(name, value);
    if (problem != null) {
      problems.add(name + " " + problem);
    }
  }

  /**
   * What is wrong with {@code value} as the feature {@code name} (one of {@link #NAMES}), in words such as "must be
   * a number from 0 to 1"; {@code null} when it is fine. Key and mode must be whole numbers.
   */
  public static String problem(String name, double value) {
    return switch (name) {
      case "tempo" -> value > 0 && value <= MAX_TEMPO ? null
          : "must be a number of beats per minute above 0 and at most " + (int) MAX_TEMPO;
      case "loudness" -> value >= MIN_LOUDNESS && value <= MAX_LOUDNESS ? null
          : "must be a number of dB from " + (int) MIN_LOUDNESS + " to " + (int) MAX_LOUDNESS;
      case "key" -> value >= 0 && value <= 11 && value == Math.rint(value) ? null
          : "must be a whole number from 0 (C) to 11 (B)";
      case "mode" -> value == 0 || value == 1 ? null : "must be 1 (major) or 0 (minor)";
      default -> {
        if (!NAMES.contains(name)) {
          throw new IllegalArgumentException("not an audio feature: " + name);
        }
        yield value >= 0 && value <= 1 ? null : "must be a number from 0 to 1";
      }
    };
  }

  /** The value called {@code name} (one of {@link #NAMES}); {@code null} for an unknown key or mode. */
  public Number value(String name) {
    return switch (name) {
      case "danceability" -> danceability;
      case "energy" -> energy;
      case "valence" -> valence;
      case "acousticness" -> acousticness;
      case "instrumentalness" -> instrumentalness;
      case "speechiness" -> speechiness;
      case "liveness" -> liveness;
      case "tempo" -> tempo;
      case "loudness" -> loudness;
      case "key" -> key;
      case "mode" -> mode;
      default -> throw new IllegalArgumentException("not an audio feature: " + name);
    };
  }

  /** The description with these values by {@link #NAMES}: every required one present, key and mode optional. */
  public static AudioFeatures of(Map<String, ? extends Number> values) {
    for (String name : REQUIRED) {
      if (values.get(name) == null) {
        throw new IllegalArgumentException("audio features lack " + name);
      }
    }
    Number key = values.get("key");
    Number mode = values.get("mode");
    return new AudioFeatures(d(values, "danceability"), d(values, "energy"), d(values, "valence"),
        d(values, "acousticness"), d(values, "instrumentalness"), d(values, "speechiness"), d(values, "liveness"),
        d(values, "tempo"), d(values, "loudness"), key == null ? null : key.intValue(),
        mode == null ? null : mode.intValue());
  }

  private static double d(Map<String, ? extends Number> values, String name) {
    return values.get(name).doubleValue();
  }
}
