package dev.tonearm.indexer;

import dev.tonearm.catalog.Track;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who a track credits. The catalog's {@code artists} list is authoritative; the display credit ("Calvin Harris
 * ft. Rihanna", "Major Lazer x DJ Snake & MØ") often names more, so for search it is also split on the usual
 * separators: {@code feat.}, {@code ft.}, {@code featuring}, {@code &}, {@code x}, {@code vs.} and commas.
 */
final class ArtistCredits {

  private static final Pattern SEPARATOR = Pattern.compile(
      "\\s*,\\s*|\\s+(?:&|x|feat\\.?|ft\\.?|featuring|vs\\.?)\\s+", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern BRACKETS = Pattern.compile("[()\\[\\]]");

  private ArtistCredits() {}

  /** Every name to match: the display credit whole, each listed artist, each part of the split credit. */
  static List<String> searchable(Track track) {
    Map<String, String> names = new LinkedHashMap<>();
    add(names, track.artist());
    track.artists().forEach(name -> add(names, name));
    if (track.artist() != null) {
      for (String part : split(track.artist())) {
        add(names, part);
      }
    }
    add(names, track.albumArtist());
    return List.copyOf(names.values());
  }

  /** The facet values: the listed artists, or the split display credit when the list is empty. */
  static List<String> credited(Track track) {
    Map<String, String> names = new LinkedHashMap<>();
    track.artists().forEach(name -> add(names, name));
    if (names.isEmpty() && track.artist() != null) {
      split(track.artist()).forEach(part -> add(names, part));
    }
    return List.copyOf(names.values());
  }

  static List<String> split(String credit) {
    String flat = BRACKETS.matcher(credit).replaceAll(" ");
    return List.of(SEPARATOR.split(flat.strip()));
  }

  private static void add(Map<String, String> names, String name) {
    if (name != null && !name.isBlank()) {
      names.putIfAbsent(name.strip().toLowerCase(Locale.ROOT), name.strip());
    }
  }
}
