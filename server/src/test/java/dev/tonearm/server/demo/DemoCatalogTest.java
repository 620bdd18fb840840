package dev.tonearm.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the shipped {@code demo/demo-catalog.jsonl.gz}, as the server will read it from the classpath. */
class DemoCatalogTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FIELDS = Set.of("id", "title", "artists", "artist", "album", "albumArtist",
      "genres", "year", "durationMs", "trackNumber", "discNumber", "source");
  private static List<JsonNode> rows;
  private static Map<String, JsonNode> byId;

  @BeforeAll
  static void load() throws IOException {
    rows = new ArrayList<>();
    try (InputStream in = DemoCatalogTest.class.getResourceAsStream("/demo/demo-catalog.jsonl.gz");
        BufferedReader lines = new BufferedReader(
            new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        rows.add(JSON.readTree(line));
      }
    }
    byId = rows.stream().collect(Collectors.toMap(r -> r.get("id").asText(), Function.identity(), (a, b) -> a));
  }

  @Test
  void holds_at_least_24000_rows_from_both_sources() {
    assertThat(rows).hasSizeGreaterThanOrEqualTo(24_000);
    assertThat(rows).extracting(r -> r.get("source").asText()).containsOnly("chinook", "freemusicc")
        .contains("chinook", "freemusicc");
  }

  @Test
  void ids_are_unique() {
    assertThat(byId).hasSameSizeAs(rows);
  }

  @Test
  void every_row_has_a_short_nonblank_title_and_only_known_fields() {
    for (JsonNode row : rows) {
      assertThat(row.path("title").asText()).as(row.toString()).isNotBlank().hasSizeLessThanOrEqualTo(500);
      assertThat(row.properties()).extracting(Map.Entry::getKey).as(row.toString()).isSubsetOf(FIELDS);
    }
  }

  @Test
  void no_text_field_still_carries_mojibake() {
    Set<String> bad = new HashSet<>();
    for (JsonNode row : rows) {
      for (String field : List.of("title", "artists", "artist", "album", "albumArtist", "genres")) {
        JsonNode value = row.path(field);
        for (JsonNode text : value.isArray() ? value : List.of(value)) {
          if (text.asText().matches("(?s).*(Ã|â€|Â|\\p{Cc}|\uFFFD).*")) {
            bad.add(row.get("id").asText() + ": " + text.asText());
          }
        }
      }
    }
    assertThat(bad).isEmpty();
  }

  @Test
  void numbers_are_in_range() {
    for (JsonNode row : rows) {
      if (row.has("year")) {
        assertThat(row.get("year").asInt()).isBetween(1000, 2100);
      }
      for (String field : List.of("durationMs", "trackNumber", "discNumber")) {
        assertThat(row.path(field).asLong(1)).as(row.toString()).isPositive();
      }
    }
  }

  @Test
  void known_rows_are_exactly_right() throws IOException {
    assertThat(byId.get("chinook-1")).isEqualTo(JSON.readTree("""
        {"id":"chinook-1","title":"For Those About To Rock (We Salute You)","artists":["AC/DC"],"artist":"AC/DC",
         "album":"For Those About To Rock We Salute You","albumArtist":"AC/DC","genres":["Rock"],
         "durationMs":343719,"source":"chinook"}"""));
    assertThat(byId.get("fmc-NN020_0p0_POASMv3-1-2")).isEqualTo(JSON.readTree("""
        {"id":"fmc-NN020_0p0_POASMv3-1-2","title":"Señor Acero","artists":["0p0"],"artist":"0p0",
         "album":"Products Of A Silicon Mind Vol. 3","albumArtist":"0p0","genres":["Electronic","Techno","Electro"],
         "year":2010,"durationMs":363000,"trackNumber":2,"discNumber":1,"source":"freemusicc"}"""));
    assertThat(byId.get("fmc-silber065-silbersoundsofhalloween-1-9").get("title").asText()).isEqualTo("Sídhe");
    assertThat(byId.get("fmc-Hearth-6928-1-10").get("title").asText()).isEqualTo("I’m Learning Who You Are");
    assertThat(byId.get("fmc-Aguas_Tonicas-Los_Desposeidos-1-11").get("artist").asText())
        .isEqualTo("Aguas tónicas");
  }

  @Test
  void featured_artists_are_split_but_ampersands_are_not() {
    JsonNode row = byId.get("fmc-NwtwoSeventh50Releases_748-1-12");
    assertThat(row.get("artist").asText()).isEqualTo("Samo Šalamon Trio feat. Drew Gress & Tom Rainey");
    assertThat(row.get("artists")).containsExactly(
        JSON.getNodeFactory().textNode("Samo Šalamon Trio"), JSON.getNodeFactory().textNode("Drew Gress & Tom Rainey"));
  }
}
