package dev.tonearm.server.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tonearm.server.Http;
import dev.tonearm.server.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RecommendApiTest {
  private static TestServer server;
  private static Http http;
  private static String curator;
  private static String listener;
  private static String haloId;
  private static String secretId;

  @BeforeAll
  static void start() {
    server = new TestServer();
    http = server.http;
    curator = server.token("curator");
    listener = server.token("listener");
    haloId = add(curator, "Halo", "Beyoncé", "Pop", 2008);
    add(curator, "Crazy in Love", "Beyoncé", "Pop", 2003);
    add(curator, "Single Ladies", "Beyoncé", "Pop", 2008);
    add(curator, "Irreplaceable", "Beyoncé", "Pop", 2006);
    add(curator, "Umbrella", "Rihanna", "Pop", 2007);
    add(curator, "Toxic", "Britney Spears", "Pop", 2003);
    add(curator, "Ace of Spades", "Motörhead", "Metal", 1980);
    add(curator, "Paranoid", "Black Sabbath", "Metal", 1970);
    add(curator, "Thunderstruck", "AC/DC", "Rock", 1990);
    secretId = server.createTrack(curator, """
        {"title":"Halo (Demo)","artists":["Beyoncé"],"genres":["Pop"],"year":2008,"visibility":"private"}""")
        .get("id").asText();
    add(listener, "My Metal Demo", "Listener", "Metal", 2024);
    server.awaitIndexed(11);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void similar_tracks_share_the_artist_first_then_genre_and_never_the_seed() {
    List<String> titles = titles(similar(listener, haloId));
    assertThat(titles.subList(0, 2)).allMatch(t -> List.of("Crazy in Love", "Single Ladies", "Irreplaceable")
        .contains(t));
    assertThat(titles).doesNotContain("Halo").contains("Umbrella", "Toxic");
    assertThat(titles.indexOf("Umbrella")).isLessThan(titles.indexOf("Ace of Spades") < 0 ? 99
        : titles.indexOf("Ace of Spades"));
  }

  @Test
  void a_page_never_holds_more_than_two_tracks_of_one_artist() {
    Map<String, Integer> perArtist = new HashMap<>();
    similar(listener, haloId).forEach(t -> perArtist.merge(t.get("artist").asText(), 1, Integer::sum));
    assertThat(perArtist.values()).allMatch(n -> n <= RecommendService.MAX_PER_ARTIST);
  }

  @Test
  void someone_elses_private_track_is_neither_a_seed_nor_a_result() {
    assertThat(http.get("/v1/tracks/" + secretId + "/similar", listener).status()).isEqualTo(404);
    assertThat(titles(similar(listener, haloId))).doesNotContain("Halo (Demo)");
    assertThat(http.get("/v1/tracks/" + secretId + "/similar", curator).status()).isEqualTo(200);
  }

  @Test
  void recommendations_start_from_the_genres_of_the_callers_own_tracks() {
    JsonNode body = http.get("/v1/recommendations?limit=3", listener).json();
    assertThat(body.get("basis").asText()).isEqualTo("genres of your tracks");
    List<String> titles = new ArrayList<>();
    body.get("tracks").forEach(t -> titles.add(t.get("title").asText()));
    assertThat(titles.subList(0, 2)).containsExactlyInAnyOrder("Ace of Spades", "Paranoid");
    assertThat(titles).doesNotContain("My Metal Demo");
  }

  @Test
  void well_rated_tracks_lead_and_badly_rated_ones_never_come_back() {
    String fan = server.token("metal-fan");
    Map<String, String> ids = idsByTitle();
    rate(fan, ids.get("Ace of Spades"), 5);
    rate(fan, ids.get("Thunderstruck"), 4);
    rate(fan, ids.get("Toxic"), 1);
    rate(fan, ids.get("Umbrella"), 2);
    rate(fan, ids.get("Crazy in Love"), 3);
    JsonNode body = http.get("/v1/recommendations?limit=20", fan).json();
    assertThat(body.get("basis").asText()).isEqualTo("your ratings");
    List<String> titles = new ArrayList<>();
    body.get("tracks").forEach(t -> titles.add(t.get("title").asText()));
    // first the Metal tracks they have not rated, then the rest
    assertThat(titles.subList(0, 2)).containsExactlyInAnyOrder("Paranoid", "My Metal Demo");
    assertThat(titles).doesNotContain("Ace of Spades", "Thunderstruck", "Toxic", "Umbrella", "Crazy in Love");
  }

  @Test
  void ratings_come_ahead_of_the_genres_of_the_callers_own_tracks() {
    String owner = server.token("metal-owner");
    server.createTrack(owner, """
        {"title":"Garage Riff","artists":["Metal Owner"],"genres":["Metal"],"visibility":"private"}""");
    rate(owner, idsByTitle().get("Halo"), 5);
    JsonNode body = http.get("/v1/recommendations?limit=2", owner).json();
    assertThat(body.get("basis").asText()).isEqualTo("your ratings");
    List<String> titles = new ArrayList<>();
    body.get("tracks").forEach(t -> titles.add(t.get("title").asText()));
    assertThat(titles).allMatch(t -> List.of("Crazy in Love", "Single Ladies", "Irreplaceable").contains(t));
  }

  @Test
  void a_history_nothing_else_shares_still_fills_the_page_with_popular_tracks() {
    String loner = server.token("loner");
    String own = server.createTrack(loner, """
        {"title":"Only One","artists":["Solitary Act"],"genres":["Zydeco Noise"],"visibility":"private"}""")
        .get("id").asText();
    rate(loner, own, 5);
    JsonNode body = http.get("/v1/recommendations?limit=5", loner).json();
    for (long end = System.nanoTime() + 5_000_000_000L;
        !body.get("basis").asText().equals("your ratings") && System.nanoTime() < end; ) {
      body = http.get("/v1/recommendations?limit=5", loner).json(); // until the new track is in the index
    }
    assertThat(body.get("basis").asText()).isEqualTo("your ratings");
    assertThat(body.get("tracks")).hasSize(5);
    body.get("tracks").forEach(t -> assertThat(t.get("title").asText()).isNotEqualTo("Only One"));
  }

  @Test
  void without_history_recommendations_are_popular_and_diverse() {
    JsonNode body = http.get("/v1/recommendations?limit=10", server.token("newcomer")).json();
    assertThat(body.get("basis").asText()).isEqualTo("popular");
    Map<String, Integer> perArtist = new HashMap<>();
    body.get("tracks").forEach(t -> perArtist.merge(t.get("artist").asText(), 1, Integer::sum));
    assertThat(body.get("tracks")).hasSize(8); // 10 visible tracks, Beyoncé's four capped at two
    assertThat(perArtist.values()).allMatch(n -> n <= RecommendService.MAX_PER_ARTIST);
  }

  private static String add(String token, String title, String artist, String genre, int year) {
    return server.createTrack(token, String.format(
        "{\"title\":\"%s\",\"artists\":[\"%s\"],\"genres\":[\"%s\"],\"year\":%d}", title, artist, genre, year))
        .get("id").asText();
  }

  private static void rate(String token, String id, int stars) {
    Http.Response response = http.send("PUT", "/v1/tracks/" + id + "/rating", token, "application/json",
        "{\"stars\":" + stars + "}", Map.of());
    assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
  }

  private static Map<String, String> idsByTitle() {
    Map<String, String> ids = new HashMap<>();
    http.get("/v1/search?limit=100", server.adminToken("root")).json().get("hits")
        .forEach(h -> ids.putIfAbsent(h.get("title").asText(), h.get("id").asText()));
    return ids;
  }

  private static List<JsonNode> similar(String token, String id) {
    Http.Response response = http.get("/v1/tracks/" + id + "/similar?limit=20", token);
    List<JsonNode> tracks = new ArrayList<>();
    if (response.status() == 200) {
      response.json().get("tracks").forEach(tracks::add);
    }
    return tracks;
  }

  private static List<String> titles(List<JsonNode> tracks) {
    return tracks.stream().map(t -> t.get("title").asText()).toList();
  }
}
