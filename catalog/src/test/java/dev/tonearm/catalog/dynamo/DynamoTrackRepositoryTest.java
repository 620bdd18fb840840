package dev.tonearm.catalog.dynamo;

import static dev.tonearm.catalog.dynamo.Fixtures.haloByBeyonce;
import static dev.tonearm.catalog.dynamo.Fixtures.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tonearm.catalog.AlreadyExistsException;
import dev.tonearm.catalog.AudioFeatures;
import dev.tonearm.catalog.Page;
import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.VersionConflictException;
import dev.tonearm.catalog.Viewer;
import dev.tonearm.catalog.Visibility;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

class DynamoTrackRepositoryTest {
  @RegisterExtension static final LocalCatalog CATALOG = new LocalCatalog("catalog");
  private DynamoDbClient dynamo;
  private DynamoTrackRepository tracks;
  private String table;

  @BeforeEach
  void freshTable() {
    dynamo = CATALOG.dynamo();
    table = CATALOG.freshTable();
    tracks = new DynamoTrackRepository(dynamo, table, Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));
  }

  @Test
  void table_has_a_stream_with_new_and_old_images() {
    var description = dynamo.describeTable(b -> b.tableName(table)).table();
    assertThat(description.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
    assertThat(description.globalSecondaryIndexes()).hasSize(8);
  }

  @Test
  void a_track_round_trips_through_its_item() {
    Track halo = haloByBeyonce("alice");
    tracks.create(halo);
    assertThat(tracks.get("t-halo")).contains(halo);
    assertThat(tracks.findByFileName("03 Halo.flac")).containsExactly(halo);
    assertThat(tracks.findBySha256("a".repeat(64))).containsExactly(halo);
  }

  @Test
  void audio_features_round_trip_and_a_track_without_them_reads_as_none() {
    AudioFeatures features = new AudioFeatures(0.51, 0.72, 0.48, 0.0016, 1.2e-5, 0.0413, 0.11, 79.99, -5.5, 11, 0);
    tracks.create(haloByBeyonce("alice").withAudioFeatures(features));
    assertThat(tracks.get("t-halo").orElseThrow().audioFeatures()).isEqualTo(features);
    AudioFeatures keyless = new AudioFeatures(0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 120, -60, null, null);
    tracks.update("t-halo", 1, t -> t.withAudioFeatures(keyless));
    assertThat(tracks.get("t-halo").orElseThrow().audioFeatures()).isEqualTo(keyless);
    tracks.update("t-halo", 2, t -> t.withAudioFeatures(null));
    assertThat(tracks.get("t-halo").orElseThrow().audioFeatures()).isNull();
    assertThat(tracks.get("t-halo").orElseThrow().version()).isEqualTo(3);
  }

  @Test
  void creating_an_existing_id_is_refused() {
    tracks.create(haloByBeyonce("alice"));
    assertThatThrownBy(() -> tracks.create(haloByBeyonce("bob"))).isInstanceOf(AlreadyExistsException.class);
    assertThat(tracks.get("t-halo").orElseThrow().owner()).isEqualTo("alice");
  }

  @Test
  void an_update_bumps_the_version_and_a_stale_one_is_a_conflict() {
    tracks.create(haloByBeyonce("alice"));
    Track renamed = tracks.update("t-halo", 1, t -> withTitle(t, "Halo (Live)")).orElseThrow();
    assertThat(renamed.version()).isEqualTo(2);
    assertThatThrownBy(() -> tracks.update("t-halo", 1, t -> withTitle(t, "Stale")))
        .isInstanceOf(VersionConflictException.class);
    assertThat(tracks.get("t-halo").orElseThrow().title()).isEqualTo("Halo (Live)");
  }

  @Test
  void a_stale_delete_is_a_conflict_and_keeps_the_track() {
    tracks.create(haloByBeyonce("alice"));
    tracks.update("t-halo", 1, t -> t);
    assertThatThrownBy(() -> tracks.delete("t-halo", 1)).isInstanceOf(VersionConflictException.class);
    assertThat(tracks.delete("t-halo", 2)).isTrue();
    assertThat(tracks.get("t-halo")).isEmpty();
    assertThat(tracks.delete("t-halo", 2)).isFalse();
  }

  @Test
  void an_album_without_any_artist_is_stored() {
    Track t = track("x1", "Untitled", "Nobody", "alice", Visibility.PUBLIC);
    Track anonymous = new Track(t.id(), t.title(), List.of(), null, "Field Recordings", null, List.of(), null, null,
        null, null, null, "alice", Visibility.PUBLIC, null, java.util.Map.of(), t.status(), t.createdAt(),
        t.updatedAt(), 1, Rating.NONE, null);
    tracks.create(anonymous);
    assertThat(tracks.get("x1")).contains(anonymous);
  }

  @Test
  void updating_a_missing_track_finds_nothing() {
    assertThat(tracks.update("nope", 1, t -> t)).isEmpty();
  }

  @Test
  void listing_merges_public_tracks_with_the_viewers_own_private_ones_in_id_order() {
    tracks.create(track("a1", "Enter Sandman", "Metallica", "alice", Visibility.PUBLIC));
    tracks.create(track("b2", "Hoppípolla", "Sigur Rós", "bob", Visibility.PRIVATE));
    tracks.create(track("c3", "Ace of Spades", "Motörhead", "bob", Visibility.PUBLIC));
    tracks.create(track("d4", "Thunderstruck", "AC/DC", "alice", Visibility.PRIVATE));

    assertThat(ids(tracks.listVisible(new Viewer("alice", false), null, 10))).containsExactly("a1", "c3", "d4");
    assertThat(ids(tracks.listVisible(new Viewer("bob", false), null, 10))).containsExactly("a1", "b2", "c3");
    assertThat(ids(tracks.listVisible(new Viewer("carol", false), null, 10))).containsExactly("a1", "c3");
    assertThat(ids(tracks.listVisible(new Viewer("root", true), null, 10)))
        .containsExactly("a1", "b2", "c3", "d4");
  }

  @Test
  void paging_visits_every_visible_track_exactly_once() {
    List<Track> all = IntStream.range(0, 57).mapToObj(i -> track(String.format("t%03d", i), "Song " + i,
        "P!nk", i % 3 == 0 ? "alice" : "bob", i % 2 == 0 ? Visibility.PUBLIC : Visibility.PRIVATE)).toList();
    assertThat(tracks.createAll(all)).isEqualTo(57);
    Viewer alice = new Viewer("alice", false);
    List<String> seen = new ArrayList<>();
    String after = null;
    do {
      Page<Track> page = tracks.listVisible(alice, after, 7);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(7);
      seen.addAll(ids(page));
      after = page.lastId();
    } while (after != null);
    assertThat(seen).containsExactlyElementsOf(
        all.stream().filter(t -> t.isVisibleTo(alice)).map(Track::id).sorted().toList());
  }

  private static List<String> ids(Page<Track> page) {
    return page.items().stream().map(Track::id).toList();
  }

  private static Track withTitle(Track t, String title) {
    return new Track(t.id(), title, t.artists(), t.artist(), t.album(), t.albumArtist(), t.genres(), t.year(),
        t.durationMs(), t.trackNumber(), t.discNumber(), t.fileName(), t.owner(), t.visibility(), t.sha256(),
        t.mediaKeys(), t.status(), t.createdAt(), t.updatedAt(), t.version(), t.rating(),
        t.audioFeatures());
  }
}
