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
  void csv_audio_feature_columns_make_the_tracks_features_all_or_none() {
    String csv = """
        title,artists,danceability,energy,valence,acousticness,instrumentalness,speechiness,liveness,tempo,loudness,key,mode
        Jolene,Dolly Parton,0.67,0.38,0.81,0.57,0,0.032,0.1,111.0,-11.7,1,0
        Loud Mistake,Nobody,0.5,1.7,0.5,0.5,0.5,0.5,0.5,120,-6,,
        Half Known,Nobody,0.5,,0.5,0.5,0.5,0.5,0.5,120,-6,,
        Unknown Sound,Nobody,,,,,,,,,,,
        """;
    Http.Response response = importCsv(admin, csv);
    assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
    assertThat(response.json().get("imported").asInt()).isEqualTo(2);
    JsonNode errors = response.json().get("errors");
    assertThat(errors.get(0).get("errors").get(0).get("field").asText()).isEqualTo("audioFeatures.energy");
    assertThat(errors.get(1).get("errors").get(0).get("field").asText()).isEqualTo("audioFeatures.energy");
    JsonNode exported = http.get("/v1/tracks/export?format=json", admin).json();
    JsonNode jolene = find(exported, "Jolene").get("audioFeatures");
    assertThat(jolene.get("tempo").asDouble()).isEqualTo(111.0);
    assertThat(jolene.get("loudness").asDouble()).isEqualTo(-11.7);
    assertThat(jolene.get("key").asInt()).isEqualTo(1);
    assertThat(find(exported, "Unknown Sound").get("audioFeatures").isNull()).isTrue();
    assertThat(importCsv(admin, "title,audioFeatures\nX,{}\n").status()).isEqualTo(400);
  }

  @Test
  void an_exported_csv_imports_again() {
    importCsv(admin, "title,artists,genres\nWhole Lotta Love,Led Zeppelin,Rock; Blues\n");
    importCsv(admin, "title,danceability,energy,valence,acousticness,instrumentalness,speechiness,liveness,tempo,"
        + "loudness\nSweet Dreams,0.69,0.71,0.87,0.17,0.0003,0.03,0.1,125.4,-7.5\n");
    String csv = http.get("/v1/tracks/export?format=csv", admin).raw().body();
    int before = http.get("/v1/tracks/export?format=json", admin).json().size();
    Http.Response again = importCsv(admin, csv);
    assertThat(again.json().get("failed").asInt()).isZero();
    assertThat(again.json().get("imported").asInt()).isEqualTo(before);
    JsonNode copies = http.get("/v1/tracks/export?format=json", admin).json();
    int withFeatures = 0;
    for (JsonNode t : copies) {
      if (t.get("title").asText().equals("Sweet Dreams")) {
        assertThat(t.get("audioFeatures").get("tempo").asDouble()).isEqualTo(125.4);
        withFeatures++;
      }
    }
    assertThat(withFeatures).isGreaterThanOrEqualTo(2);
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
