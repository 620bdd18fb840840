package dev.tonearm.server.demo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Derives the shipped demo catalog from the Chinook sample database and the freemusi.cc database: reads both,
 * repairs mojibake in every text field, and writes one JSON object per track to a gzip'd JSON Lines file.
 * Usage: {@code DemoCatalogBuilder <datasetsDir> <outputFile>}; {@code datasetsDir} holds
 * {@code catalog/chinook/ChinookData.json} and {@code catalog/freemusicc/{tracks,releases}.csv}.
 */
public final class DemoCatalogBuilder {

  private static final Logger log = LoggerFactory.getLogger(DemoCatalogBuilder.class);
  static final int MAX_TITLE = 500;
  /** " feat. ", " feat ", " ft. ", " featuring ", optionally opening a parenthesis; never "&" or ",". */
  private static final Pattern FEAT = Pattern.compile(
      "(?:\\s+\\(?|\\s*\\()(?:feat\\.|feat(?=\\s)|ft\\.|featuring(?=\\s))\\s*", Pattern.CASE_INSENSITIVE);

  /** One line of the demo catalog; empty and null fields are left out. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({"id", "title", "artists", "artist", "album", "albumArtist", "genres", "year", "durationMs",
      "trackNumber", "discNumber", "source"})
  public record Row(String id, String title, List<String> artists, String artist, String album,
      String albumArtist, List<String> genres, Integer year, Long durationMs, Integer trackNumber,
      Integer discNumber, String source) {}

  private record Release(String album, String artist, List<String> genres, Integer year) {}

  private final Map<Mojibake.Kind, Integer> repaired = new EnumMap<>(Mojibake.Kind.class);
  private final Map<String, Integer> counts = new LinkedHashMap<>();

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: DemoCatalogBuilder <datasetsDir> <outputFile>");
    }
    Path base = Path.of(args[0]);
    base = Files.isDirectory(base.resolve("catalog")) ? base.resolve("catalog") : base;
    new DemoCatalogBuilder().build(base, Path.of(args[1]));
  }

  void build(Path catalogDir, Path out) throws IOException {
    List<Row> rows = new ArrayList<>(chinook(catalogDir.resolve("chinook/ChinookData.json")));
    rows.addAll(freemusicc(catalogDir.resolve("freemusicc")));
    Set<String> ids = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    if (out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    try (Writer w = new BufferedWriter(new OutputStreamWriter(
        new GZIPOutputStream(Files.newOutputStream(out), 1 << 16), StandardCharsets.UTF_8))) {
      for (Row row : rows) {
        if (!ids.add(row.id())) {
          throw new IllegalStateException("duplicate id " + row.id());
        }
        w.write(json.writeValueAsString(row));
        w.write('\n');
        count("written." + row.source());
      }
    }
    log.info("demo catalog: {} rows to {} ({} bytes); {}", rows.size(), out, Files.size(out), counts);
    log.info("mojibake repaired (text fields, by first kind undone): {}", repaired);
  }

  private List<Row> chinook(Path file) throws IOException {
    JsonNode db = new ObjectMapper().readTree(file.toFile());
    Map<Integer, String> genres = names(db.path("Genre"), "GenreId", "Name");
    Map<Integer, String> artists = names(db.path("Artist"), "ArtistId", "Name");
    Map<Integer, JsonNode> albums = new HashMap<>();
    db.path("Album").forEach(a -> albums.put(a.path("AlbumId").asInt(), a));
    List<Row> rows = new ArrayList<>();
    for (JsonNode t : db.path("Track")) {
      count("read.chinook");
      String title = title(t.path("Name").asText(null));
      if (title == null) {
        count("skipped.emptyTitle");
        continue;
      }
      JsonNode album = albums.get(t.path("AlbumId").asInt());
      String artist = album == null ? null : artists.get(album.path("ArtistId").asInt());
      String genre = genres.get(t.path("GenreId").asInt());
      long ms = t.path("Milliseconds").asLong();
      rows.add(new Row("chinook-" + t.path("TrackId").asInt(), title, split(artist), artist,
          album == null ? null : text(album.path("Title").asText(null)), artist,
          genre == null ? null : List.of(genre), null, ms > 0 ? ms : null, null, null, "chinook"));
    }
    return rows;
  }

  private Map<Integer, String> names(JsonNode table, String idField, String nameField) {
    Map<Integer, String> names = new HashMap<>();
    table.forEach(n -> names.put(n.path(idField).asInt(), text(n.path(nameField).asText(null))));
    return names;
  }

  private List<Row> freemusicc(Path dir) throws IOException {
    Map<String, Release> releases = new HashMap<>();
    for (CSVRecord r : csv(dir.resolve("releases.csv"))) {
      List<String> genres = new ArrayList<>();
      for (String field : List.of("genre", "style")) {
        for (String g : r.get(field).split(",")) {
          String genre = text(g);
          if (genre != null && genres.stream().noneMatch(genre::equalsIgnoreCase)) {
            genres.add(genre);
          }
        }
      }
      releases.put(r.get("id"), new Release(text(r.get("album")), text(r.get("artist")), genres,
          year(r.get("year"))));
    }
    List<Row> rows = new ArrayList<>();
    Map<String, List<String>> titlesBySlot = new HashMap<>();
    for (CSVRecord t : csv(dir.resolve("tracks.csv"))) {
      count("read.freemusicc");
      Release release = releases.get(t.get("id"));
      String title = title(t.get("title"));
      if (title == null || release == null) {
        count(title == null ? "skipped.emptyTitle" : "skipped.noRelease");
        continue;
      }
      String slot = "fmc-" + urlSafe(t.get("id")) + "-" + t.get("disc").trim() + "-" + t.get("track").trim();
      List<String> titles = titlesBySlot.computeIfAbsent(slot, k -> new ArrayList<>());
      if (titles.contains(title)) {
        count("skipped.duplicate");
        continue;
      }
      titles.add(title);
      String id = titles.size() == 1 ? slot : slot + "-" + titles.size();
      if (titles.size() > 1) {
        count("sharedSlotSuffixed");
      }
      String trackArtist = text(t.get("trackartist"));
      String artist = trackArtist != null ? trackArtist : release.artist();
      rows.add(new Row(id, title, split(artist), artist, release.album(), release.artist(), release.genres(),
          release.year(), durationMs(t.get("duration")), positive(t.get("track")), positive(t.get("disc")),
          "freemusicc"));
    }
    return rows;
  }

  private static List<CSVRecord> csv(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
    }
  }

  /** Trimmed, mojibake repaired, NFC; null when blank. */
  private String text(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    Mojibake.Repair repair = Mojibake.analyze(raw.strip());
    if (repair.rounds() > 0) {
      repaired.merge(repair.kind(), 1, Integer::sum);
      if (repair.rounds() > 1) {
        count("mojibake.doubleEncoded");
      }
    }
    return Normalizer.normalize(repair.text(), Normalizer.Form.NFC);
  }

  private String title(String raw) {
    String title = text(raw);
    if (title != null && title.length() > MAX_TITLE) {
      count("truncatedTitles");
      int end = Character.isHighSurrogate(title.charAt(MAX_TITLE - 1)) ? MAX_TITLE - 1 : MAX_TITLE;
      title = title.substring(0, end).strip();
    }
    return title;
  }

  /** The credited artists: the display credit, or main and featured artists when "feat." and the like split it. */
  static List<String> split(String credit) {
    if (credit == null) {
      return null;
    }
    List<String> artists = new ArrayList<>();
    for (String part : FEAT.split(credit)) {
      String name = part.strip();
      name = name.endsWith(")") && !name.contains("(") ? name.substring(0, name.length() - 1).strip() : name;
      if (!name.isEmpty() && artists.stream().noneMatch(name::equalsIgnoreCase)) {
        artists.add(name);
      }
    }
    return artists.isEmpty() ? List.of(credit) : artists;
  }

  /** Seconds ("245") or [h:]m:ss ("4:05") to milliseconds; null when unparsable or not positive. */
  static Long durationMs(String raw) {
    String s = raw == null ? "" : raw.strip();
    if (!s.matches("\\d{1,9}(:\\d{1,2}){0,2}")) {
      return null;
    }
    long seconds = 0;
    for (String part : s.split(":")) {
      seconds = seconds * 60 + Long.parseLong(part);
    }
    return seconds > 0 ? seconds * 1000 : null;
  }

  static Integer year(String raw) {
    Integer year = positive(raw);
    return year != null && year >= 1000 && year <= 2100 ? year : null;
  }

  static Integer positive(String raw) {
    String s = raw == null ? "" : raw.strip();
    return s.matches("\\d{1,9}") && Integer.parseInt(s) > 0 ? Integer.valueOf(s) : null;
  }

  private void count(String key) {
    counts.merge(key, 1, Integer::sum);
  }

  /** Ids appear in URL paths: anything but letters, digits, '.', '_' and '-' becomes '_'. */
  private static String urlSafe(String id) {
    return id.strip().replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
