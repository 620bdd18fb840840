package dev.tonearm.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * What real catalogs are made of, read from the data sets: titles and the words in them, artist and album names,
 * genres and years. Pools that hold one entry per occurrence ({@code words}, {@code genres}, {@code years}) keep
 * the real frequencies, so a uniform draw from them is a draw from the real distribution. Artists keep the order
 * they first appear in, Billboard's most-charted first, which is the order of their fame in the generator.
 *
 * @param titles distinct real track titles
 * @param words every word of every title, one entry per occurrence
 * @param artists distinct artist names (case-insensitively), most charted first
 * @param albums distinct real album titles
 * @param genres one genre per real track or release that has one
 * @param years one release year per real release or chart hit that has one
 */
public record Vocabulary(List<String> titles, List<String> words, List<String> artists, List<String> albums,
    List<String> genres, int[] years) {

  private static final Pattern SPACES = Pattern.compile("\\s+");
  /** Brackets, quotes and trailing commas around a word are not part of it; inner punctuation (AC/DC) is. */
  private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{Ps}\\p{Pi}\"'“‘,:;-]+|[\\p{Pe}\\p{Pf}\"'”’,:;.-]+$");

  /** Reads {@code datasets/catalog/*}; {@code datasets} may also name the {@code catalog} folder itself. */
  public static Vocabulary read(Path datasets) throws IOException {
    Path dir = Files.isDirectory(datasets.resolve("catalog")) ? datasets.resolve("catalog") : datasets;
    if (!Files.isRegularFile(dir.resolve("chinook/ChinookData.json"))) {
      throw new IOException("no data sets at " + dir + ": expected catalog/chinook, freemusicc, billboard-hot100,"
          + " spotify-charts-2017 and spotify-hit-predictor under it");
    }
    Builder b = new Builder();
    rows(dir.resolve("billboard-hot100/hot100_unique_songs.tsv"), CSVFormat.TDF,
        r -> b.song(r.get("song"), r.get("artist")));
    rows(dir.resolve("spotify-charts-2017/unique_tracks.tsv"), CSVFormat.TDF,
        r -> b.song(r.get("track_name"), r.get("artist")));
    try (var files = Files.list(dir.resolve("spotify-hit-predictor"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
        rows(file, CSVFormat.DEFAULT, r -> {
          b.song(r.get("track"), r.get("artist"));
          b.decade(r.get("decade"), r.get("track"));
        });
      }
    }
    freemusicc(dir.resolve("freemusicc"), b);
    chinook(dir.resolve("chinook/ChinookData.json"), b);
    return b.build();
  }

  private static void freemusicc(Path dir, Builder b) throws IOException {
    rows(dir.resolve("releases.csv"), CSVFormat.DEFAULT, r -> {
      b.album(r.get("album"));
      b.artist(r.get("artist"));
      b.genre(r.get("genre"));
      b.year(r.get("year"));
    });
    rows(dir.resolve("tracks.csv"), CSVFormat.DEFAULT, r -> b.song(r.get("title"), r.get("trackartist")));
  }

  private static void chinook(Path file, Builder b) throws IOException {
    JsonNode db = new ObjectMapper().readTree(file.toFile());
    Map<Integer, String> genres = new LinkedHashMap<>();
    db.path("Genre").forEach(g -> genres.put(g.path("GenreId").asInt(), g.path("Name").asText()));
    db.path("Artist").forEach(a -> b.artist(a.path("Name").asText(null)));
    db.path("Album").forEach(a -> b.album(a.path("Title").asText(null)));
    db.path("Track").forEach(t -> {
      b.song(t.path("Name").asText(null), null);
      b.genre(genres.get(t.path("GenreId").asInt()));
    });
  }

  private static void rows(Path file, CSVFormat format, Consumer<CSVRecord> row) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      format.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).forEach(row);
    }
  }

  /** Collects the pools, dropping blanks and case-insensitive duplicates of names. */
  private static final class Builder {
    private final Set<String> titles = new LinkedHashSet<>();
    private final List<String> words = new ArrayList<>();
    private final Map<String, String> artists = new LinkedHashMap<>();
    private final Set<String> albums = new LinkedHashSet<>();
    private final List<String> genres = new ArrayList<>();
    private final List<Integer> years = new ArrayList<>();

    void song(String title, String artist) {
      artist(artist);
      if (title == null || title.isBlank() || !titles.add(title.strip())) {
        return;
      }
      for (String word : SPACES.split(title.strip())) {
        String bare = EDGE_PUNCTUATION.matcher(word).replaceAll("");
        if (!bare.isEmpty()) {
          words.add(bare);
        }
      }
    }

    void artist(String name) {
      if (name != null && !name.isBlank()) {
        artists.putIfAbsent(name.strip().toLowerCase(Locale.ROOT), name.strip());
      }
    }

    void album(String title) {
      if (title != null && !title.isBlank()) {
        albums.add(title.strip());
      }
    }

    void genre(String genre) {
      if (genre != null && !genre.isBlank()) {
        genres.add(genre.strip());
      }
    }

    void year(String text) {
      try {
        int year = (int) Double.parseDouble(text.strip());
        if (year >= 1900 && year <= 2030) {
          years.add(year);
        }
      } catch (NumberFormatException e) {
        // releases without a year: nothing to learn from them
      }
    }

    /** Hit-predictor rows know only their decade; the title's hash places them in it, the same way every run. */
    void decade(String decade, String title) {
      try {
        int start = Integer.parseInt(decade.strip());
        years.add(start + Math.floorMod(title == null ? 0 : title.hashCode(), 10));
      } catch (NumberFormatException e) {
        // no decade given
      }
    }

    Vocabulary build() {
      return new Vocabulary(List.copyOf(titles), List.copyOf(words), List.copyOf(artists.values()),
          List.copyOf(albums), List.copyOf(genres), years.stream().mapToInt(Integer::intValue).toArray());
    }
  }
}
