package dev.tonearm.server.relevance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackStatus;
import dev.tonearm.catalog.Visibility;
import dev.tonearm.server.dev.DemoCatalog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The tracks the suite searches, all public: the shipped demo catalog (popularity 0), the unique tracks of the
 * Spotify 2017 charts (popularity grows with the log of their best weekly streams) and the Billboard Hot 100
 * songs (popularity = weeks on the chart). The two scales meet around the same range: a hit that spent 20 weeks
 * on the Hot 100 weighs about as much as one streamed a million times in its best week.
 */
final class RelevanceCorpus {

  /** A track and the popularity it is indexed with. */
  record Entry(Track track, float popularity) {}

  static final String OWNER = "relevance-corpus";
  static final String SPOTIFY = "spotify-charts-2017/unique_tracks.tsv";
  static final String BILLBOARD = "billboard-hot100/hot100_unique_songs.tsv";

  private static final CSVFormat TSV = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).get();

  private RelevanceCorpus() {}

  /** Reads the corpus; {@code datasets} is the data sets directory or its {@code catalog} folder. */
  static List<Entry> load(Path datasets) throws IOException {
    Path catalog = Files.isDirectory(datasets.resolve("catalog")) ? datasets.resolve("catalog") : datasets;
    List<Entry> entries = new ArrayList<>(demoCatalog());
    entries.addAll(spotify(catalog.resolve(SPOTIFY)));
    entries.addAll(billboard(catalog.resolve(BILLBOARD)));
    return entries;
  }

  /** Streams 10,000 → 0, 100,000 → 10, 1,000,000 → 20, 10,000,000 → 30: log-scaled, never negative. */
  static float streamsPopularity(long streams) {
    return (float) Math.max(0, 10 * Math.log10(Math.max(1, streams) / 10_000.0));
  }

  private static List<Entry> demoCatalog() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Entry> entries = new ArrayList<>();
    InputStream resource = RelevanceCorpus.class.getResourceAsStream(DemoCatalog.RESOURCE);
    if (resource == null) {
      throw new IllegalStateException("the demo catalog " + DemoCatalog.RESOURCE + " is missing from the build");
    }
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(new GZIPInputStream(resource), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonNode row = json.readTree(line);
        List<String> artists = new ArrayList<>();
        row.path("artists").forEach(a -> artists.add(a.asText()));
        List<String> genres = new ArrayList<>();
        row.path("genres").forEach(g -> genres.add(g.asText()));
        entries.add(new Entry(track(row.path("id").asText(), row.path("title").asText(), artists,
            text(row, "artist"), text(row, "album"), genres, row.has("year") ? row.path("year").asInt() : null),
            0f));
      }
    }
    return entries;
  }

  private static List<Entry> spotify(Path file) throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (CSVRecord r : tsv(file)) {
      entries.add(new Entry(track("spotify-" + r.get("spotify_track_id"), r.get("track_name"), List.of(),
          r.get("artist"), null, List.of(), null), streamsPopularity(Long.parseLong(r.get("max_weekly_streams")))));
    }
    return entries;
  }

  private static List<Entry> billboard(Path file) throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (CSVRecord r : tsv(file)) {
      entries.add(new Entry(track("billboard-" + r.getRecordNumber(), r.get("song"), List.of(), r.get("artist"),
          null, List.of(), null), Float.parseFloat(r.get("weeks_total"))));
    }
    return entries;
  }

  private static List<CSVRecord> tsv(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "a relevance corpus file is missing");
    }
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return TSV.parse(in).getRecords();
    }
  }

  private static Track track(String id, String title, List<String> artists, String artist, String album,
      List<String> genres, Integer year) {
    return new Track(id, title, artists, artist, album, null, genres, year, null, null, null, null, OWNER,
        Visibility.PUBLIC, null, null, TrackStatus.METADATA_ONLY, null, null, 1, Rating.NONE, null);
  }

  private static String text(JsonNode row, String field) {
    JsonNode value = row.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
