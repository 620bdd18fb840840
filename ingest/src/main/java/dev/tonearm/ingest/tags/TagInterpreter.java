package dev.tonearm.ingest.tags;

import dev.tonearm.catalog.TrackTags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jaudiotagger.tag.reference.GenreTypes;

/**
 * Turns raw tag strings into checked values. Numbers come as {@code 3}, {@code 03} or {@code 3/12}; years as
 * {@code 2008}, {@code 2008-03-11} or {@code 2008-03-11T00:00:00}; ID3 genres as names, {@code 17} or
 * {@code (17)Rock}; ReplayGain as {@code -7.50 dB}. Text loses control characters and is cut to the catalog's
 * limits. Anything out of range is dropped rather than stored wrong.
 */
public final class TagInterpreter {
  static final int MAX_TEXT = 500;
  static final int MAX_LIST = 50;
  static final int MAX_LYRICS = 32 * 1024;
  private static final Pattern NUMBER_OF = Pattern.compile("\\s*(\\d{1,9})\\s*(?:/\\s*(\\d{1,9})\\s*)?");
  private static final Pattern YEAR = Pattern.compile("^\\s*(\\d{4})");
  private static final Pattern ID3_GENRE = Pattern.compile("\\((\\d{1,3})\\)|^(\\d{1,3})$");
  private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern GAIN = Pattern.compile("\\s*([+-]?\\d{1,3}(?:[.,]\\d+)?)\\s*(?:dB)?\\s*",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern LEADING_TRACK_NUMBER = Pattern.compile("^\\d{1,3}(?:\\s*[-._)]\\s*|\\s+)");

  private TagInterpreter() {}

  public static AudioTags interpret(RawTags raw, String fileName) {
    List<String> credited = names(raw.all(TagNames.ARTIST));
    List<String> artists = names(raw.all(TagNames.ARTISTS));
    int[] track = numberOf(raw.first(TagNames.TRACK), 9999);
    int[] disc = numberOf(raw.first(TagNames.DISC), 999);
    return new AudioTags(
        titleOr(text(raw.first(TagNames.TITLE)), fileName),
        artists.isEmpty() ? credited : artists,
        credited.size() == 1 ? credited.getFirst() : null,
        text(raw.first(TagNames.ALBUM)),
        joined(names(raw.all(TagNames.ALBUM_ARTIST))),
        genres(raw.all(TagNames.GENRE)),
        year(raw.first(TagNames.DATE)),
        positive(track[0]),
        positive(track[1]) != null ? positive(track[1]) : total(raw.first(TagNames.TRACK_TOTAL), 9999),
        positive(disc[0]),
        positive(disc[1]) != null ? positive(disc[1]) : total(raw.first(TagNames.DISC_TOTAL), 999),
        flag(raw.first(TagNames.COMPILATION)),
        musicBrainz(raw),
        replayGain(raw),
        lyrics(raw.first(TagNames.LYRICS)));
  }

  /** The title a file without one gets: its name, less extension and a leading track number. */
  static String titleOr(String title, String fileName) {
    if (title != null) {
      return title;
    }
    String base = fileName.replaceFirst("\\.[^.]{1,8}$", "").replace('_', ' ').strip();
    String withoutNumber = LEADING_TRACK_NUMBER.matcher(base).replaceFirst("").strip();
    String chosen = text(withoutNumber.isEmpty() ? base : withoutNumber);
    return chosen == null ? "Untitled" : chosen;
  }

  /** Printable text, at most {@link #MAX_TEXT} characters; null when nothing is left. */
  static String text(String value) {
    return clean(value, MAX_TEXT, false);
  }

  private static String clean(String value, int max, boolean keepLines) {
    if (value == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), max));
    value.codePoints().forEach(cp -> {
      boolean line = keepLines && (cp == '\n' || cp == '\t');
      if (line || (!Character.isISOControl(cp) && Character.getType(cp) != Character.SURROGATE
          && cp != 0xFEFF && cp != 0xFFFD)) {
        out.appendCodePoint(cp);
      }
    });
    String s = out.toString().strip();
    if (s.length() > max) {
      s = s.substring(0, Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max).strip();
    }
    return s.isEmpty() ? null : s;
  }

  private static List<String> names(List<String> values) {
    Set<String> seen = new LinkedHashSet<>();
    for (String v : values) {
      for (String part : v.split("\u0000")) {
        String name = text(part);
        if (name != null && seen.size() < MAX_LIST) {
          seen.add(name);
        }
      }
    }
    return new ArrayList<>(seen);
  }

  private static String joined(List<String> names) {
    return names.isEmpty() ? null : text(String.join(", ", names));
  }

  static List<String> genres(List<String> values) {
    Set<String> genres = new LinkedHashSet<>();
    for (String name : names(values)) {
      Matcher id3 = ID3_GENRE.matcher(name);
      boolean numbered = false;
      while (id3.find()) {
        numbered = true;
        String id = id3.group(1) != null ? id3.group(1) : id3.group(2);
        String known = GenreTypes.getInstanceOf().getValueForId(Integer.parseInt(id));
        if (known != null) {
          genres.add(known);
        }
      }
      String rest = numbered ? text(ID3_GENRE.matcher(name).replaceAll("")) : name;
      if (rest != null) {
        genres.add(rest);
      }
    }
    return genres.stream().limit(MAX_LIST).toList();
  }

  static Integer year(String date) {
    if (date == null) {
      return null;
    }
    Matcher m = YEAR.matcher(date);
    if (!m.find()) {
      return null;
    }
    int year = Integer.parseInt(m.group(1));
    return year >= 1000 && year <= 2100 ? year : null;
  }

  /** {@code [number, total]} from {@code 3} or {@code 3/12}; 0 where absent or above {@code max}. */
  static int[] numberOf(String value, int max) {
    if (value == null) {
      return new int[] {0, 0};
    }
    Matcher m = NUMBER_OF.matcher(value);
    if (!m.matches()) {
      return new int[] {0, 0};
    }
    return new int[] {bounded(m.group(1), max), bounded(m.group(2), max)};
  }

  private static int bounded(String digits, int max) {
    if (digits == null) {
      return 0;
    }
    long n = Long.parseLong(digits);
    return n <= max ? (int) n : 0;
  }

  private static Integer total(String value, int max) {
    return positive(numberOf(value, max)[0]);
  }

  private static Integer positive(int n) {
    return n > 0 ? n : null;
  }

  static Boolean flag(String value) {
    if (value == null) {
      return null;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "1", "true", "yes" -> true;
      case "0", "false", "no" -> false;
      default -> null;
    };
  }

  private static Map<String, String> musicBrainz(RawTags raw) {
    Map<String, String> ids = new LinkedHashMap<>();
    TagNames.MUSICBRAINZ_KINDS.forEach((name, kind) -> {
      String value = raw.first(name);
      if (value != null) {
        Matcher m = UUID.matcher(value.toLowerCase(Locale.ROOT));
        if (m.find()) {
          ids.put(kind, m.group());
        }
      }
    });
    return ids;
  }

  private static TrackTags.ReplayGain replayGain(RawTags raw) {
    TrackTags.ReplayGain gain = new TrackTags.ReplayGain(decibels(raw.first(TagNames.RG_TRACK_GAIN)),
        peak(raw.first(TagNames.RG_TRACK_PEAK)), decibels(raw.first(TagNames.RG_ALBUM_GAIN)),
        peak(raw.first(TagNames.RG_ALBUM_PEAK)));
    return gain.isEmpty() ? null : gain;
  }

  static Double decibels(String value) {
    Double d = decimal(value);
    return d != null && d >= -99 && d <= 99 ? d : null;
  }

  private static Double peak(String value) {
    Double d = decimal(value);
    return d != null && d >= 0 && d <= 100 ? d : null;
  }

  private static Double decimal(String value) {
    if (value == null) {
      return null;
    }
    Matcher m = GAIN.matcher(value);
    return m.matches() ? Double.valueOf(m.group(1).replace(',', '.')) : null;
  }

  private static String lyrics(String value) {
    return clean(value, MAX_LYRICS, true);
  }
}
