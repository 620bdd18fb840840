package dev.tonearm.server.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tonearm.server.Http;
import dev.tonearm.server.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ImportTest {
  private static TestServer server;
  private static Http http;
  private static String admin;

  @BeforeAll
  static void start() {
    server = new TestServer();
    http = server.http;
    admin = server.adminToken("librarian");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Http.Response importCsv(String token, String csv) {
    return http.send("POST", "/v1/admin/import", token, "text/csv", csv, Map.of());
  }

  @Test
  void good_csv_rows_are_kept_and_bad_ones_reported_by_row_with_every_reason() {
    String csv = """
        title,artists,album,genres,year,durationMs
        Crazy in Love,Beyoncé; Jay-Z,Dangerously in Love,R&B; Pop,2003,236000
        ,Nobody,Nothing,,1999,1000
        Hallowed Be Thy Name,Iron Maiden,The Number of the Beast,Heavy Metal,1982,431000
        Too Late,Someone,,,3000,-5
        "Guns, Germs and Steel",Guns N' Roses,,Rock,,
        """;
    Http.Response response = importCsv(admin, csv);
    assertThat(response.status()).isEqualTo(200);
    JsonNode result = response.json();
    assertThat(result.get("imported").asInt()).isEqualTo(3);
    assertThat(result.get("failed").asInt()).isEqualTo(2);
    assertThat(result.get("errors").get(0).get("row").asInt()).isEqualTo(2);
    assertThat(result.get("errors").get(0).get("errors").get(0).get("field").asText()).isEqualTo("title");
    assertThat(result.get("errors").get(1).get("row").asInt()).isEqualTo(4);
    assertThat(result.get("errors").get(1).get("errors")).hasSize(2);

    JsonNode exported = http.get("/v1/tracks/export?format=json", admin).json();
    JsonNode crazy = find(exported, "Crazy in Love");
    assertThat(crazy.get("artists").toString()).isEqualTo("[\"Beyoncé\",\"Jay-Z\"]");
    assertThat(crazy.get("artist").asText()).isEqualTo("Beyoncé, Jay-Z");
    assertThat(crazy.get("year").asInt()).isEqualTo(2003);
    assertThat(find(exported, "Guns, Germs and Steel")).isNotNull();
  }

  @Test
  void an_unknown_csv_column_refuses_the_whole_file() {
    Http.Response response = importCsv(admin, "title,colour\nYellow,yellow\n");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("colour");
  }

  @Test
  void a_json_import_takes_the_export_format_and_ignores_its_read_only_fields() {
    String json = """
        [{"id":"ignored","owner":"ignored","version":7,"title":"Jóga","artists":["Björk"],"year":1997},
         {"title":"Bad Year","year":"nineteen"},
         {"title":"Svefn-g-englar","artists":["Sigur Rós"],"visibility":"private"}]""";
    Http.Response response = http.send("POST", "/v1/admin/import", admin, "application/json", json, Map.of());
    assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
    assertThat(response.json().get("imported").asInt()).isEqualTo(2);
    assertThat(response.json().get("errors").get(0).get("row").asInt()).isEqualTo(2);
    JsonNode exported = http.get("/v1/tracks/export?format=json", admin).json();
    JsonNode joga = find(exported, "Jóga");
    assertThat(joga.get("id").asText()).isNotEqualTo("ignored");
    assertThat(joga.get("version").asLong()).isEqualTo(1);
  }

  @Test
  void an_exported_csv_imports_again() {
    importCsv(admin, "title,artists,genres\nWhole Lotta Love,Led Zeppelin,Rock; Blues\n");
    String csv = http.get("/v1/tracks/export?format=csv", admin).raw().body();
    int before = http.get("/v1/tracks/export?format=json", admin).json().size();
    Http.Response again = importCsv(admin, csv);
    assertThat(again.json().get("failed").asInt()).isZero();
    assertThat(again.json().get("imported").asInt()).isEqualTo(before);
  }

  @Test
  void malformed_imports_and_wrong_types_are_clear_errors() {
    assertThat(http.send("POST", "/v1/admin/import", admin, "application/json", "{\"title\":\"x\"}", Map.of())
        .status()).isEqualTo(400);
    assertThat(http.send("POST", "/v1/admin/import", admin, "application/json", "[{\"title\":", Map.of())
        .status()).isEqualTo(400);
    Http.Response xml = http.send("POST", "/v1/admin/import", admin, "application/xml", "<x/>", Map.of());
    assertThat(xml.status()).isEqualTo(415);
    assertThat(xml.contentType()).startsWith("application/problem+json");
  }

  @Test
  void a_json_import_that_breaks_midway_keeps_the_rows_before_and_says_so() {
    String json = "[{\"title\":\"Before the Break\"},{\"title\":\"Also Before\"},{\"title\":";
    Http.Response response = http.send("POST", "/v1/admin/import", admin, "application/json", json, Map.of());
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asText()).contains("the 2 good rows before that point were imported");
    assertThat(http.get("/v1/tracks/export?format=csv", admin).raw().body()).contains("Before the Break");
  }

  private static JsonNode find(JsonNode tracks, String title) {
    for (JsonNode t : tracks) {
      if (t.get("title").asText().equals(title)) {
        return t;
      }
    }
    return null;
  }
}
