package dev.tonearm.catalog.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tonearm.catalog.AlreadyExistsException;
import dev.tonearm.catalog.Page;
import dev.tonearm.catalog.TrackTags;
import dev.tonearm.catalog.Upload;
import dev.tonearm.catalog.UploadStatus;
import dev.tonearm.catalog.VersionConflictException;
import dev.tonearm.catalog.Visibility;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;

class DynamoUploadRepositoryTest {
  @RegisterExtension static final LocalCatalog CATALOG = new LocalCatalog("uploads");
  private DynamoDbClient dynamo;
  private DynamoUploadRepository uploads;
  private DynamoTrackRepository tracks;
  private String table;

  @BeforeEach
  void freshTable() {
    dynamo = CATALOG.dynamo();
    table = CATALOG.freshTable();
    Clock clock = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);
    uploads = new DynamoUploadRepository(dynamo, table, clock);
    tracks = new DynamoTrackRepository(dynamo, table, clock);
  }

  static Upload upload(String id, String owner, Instant createdAt) {
    return new Upload(id, owner, "01 Ace of Spades.flac", 31_337, "audio/flac", "b".repeat(64),
        Visibility.PRIVATE, UploadStatus.PENDING, null, null, "tracks/" + id + "/original.flac", null, 0,
        createdAt.plusSeconds(3600), createdAt, createdAt, 1);
  }

  @Test
  void an_upload_round_trips_and_a_second_create_of_its_id_is_refused() {
    Upload motorhead = upload("u-motorhead", "lemmy", Fixtures.NOW);
    uploads.create(motorhead);

    assertThat(uploads.get("u-motorhead")).contains(motorhead);
    assertThatThrownBy(() -> uploads.create(motorhead)).isInstanceOf(AlreadyExistsException.class);
  }

  @Test
  void updates_are_conditional_on_the_version_read() {
    uploads.create(upload("u-1", "lemmy", Fixtures.NOW));

    Upload claimed = uploads.update("u-1", 1, Upload::claimed).orElseThrow();

    assertThat(claimed.status()).isEqualTo(UploadStatus.PROCESSING);
    assertThat(claimed.attempts()).isEqualTo(1);
    assertThat(claimed.version()).isEqualTo(2);
    assertThatThrownBy(() -> uploads.update("u-1", 1, Upload::claimed))
        .isInstanceOf(VersionConflictException.class);
    assertThat(uploads.update("absent", 1, Upload::claimed)).isEmpty();
  }

  @Test
  void a_users_uploads_list_newest_first_in_pages_and_nobody_elses() {
    for (int i = 0; i < 5; i++) {
      uploads.create(upload("u-" + i, "lemmy", Fixtures.NOW.plusSeconds(i)));
    }
    uploads.create(upload("u-other", "björk", Fixtures.NOW.plusSeconds(10)));

    Page<Upload> first = uploads.listByOwner("lemmy", null, 2);
    Page<Upload> second = uploads.listByOwner("lemmy", first.lastId(), 2);
    Page<Upload> last = uploads.listByOwner("lemmy", second.lastId(), 2);

    assertThat(first.items()).extracting(Upload::id).containsExactly("u-4", "u-3");
    assertThat(second.items()).extracting(Upload::id).containsExactly("u-2", "u-1");
    assertThat(last.items()).extracting(Upload::id).containsExactly("u-0");
    assertThat(last.hasMore()).isFalse();
  }

  @Test
  void only_uploads_in_flight_are_listed_as_open() {
    uploads.create(upload("u-pending", "lemmy", Fixtures.NOW));
    uploads.create(upload("u-done", "lemmy", Fixtures.NOW.plusSeconds(1)));
    uploads.update("u-done", 1, u -> u.ready("u-done", null));

    assertThat(uploads.listOpen(UploadStatus.PENDING, 10)).extracting(Upload::id).containsExactly("u-pending");
    assertThat(uploads.listOpen(UploadStatus.PROCESSING, 10)).isEmpty();
  }

  @Test
  void uploads_stay_out_of_every_track_index() {
    uploads.create(upload("u-1", "lemmy", Fixtures.NOW));

    assertThat(tracks.findBySha256("b".repeat(64))).isEmpty();
    assertThat(tracks.findByFileName("01 Ace of Spades.flac")).isEmpty();
    assertThat(tracks.listVisible(new dev.tonearm.catalog.Viewer("lemmy", true), null, 10).items()).isEmpty();
  }

  @Test
  void a_tracks_tags_round_trip_beside_it() {
    DynamoTrackTagsRepository tags = new DynamoTrackTagsRepository(dynamo, table);
    TrackTags sigurRos = new TrackTags("t-svefn", false, 9, 1,
        Map.of("recording", "5b11f4ce-a62d-471e-81fc-a69a8278c7da"),
        new TrackTags.ReplayGain(-7.5, 0.98, -8.1, 0.99), "Ég er með hjartað");
    tags.put(sigurRos);

    assertThat(tags.get("t-svefn")).contains(sigurRos);
    assertThat(tracks.get("t-svefn")).isEmpty();
    tags.delete("t-svefn");
    assertThat(tags.get("t-svefn")).isEmpty();
  }

  @Test
  void a_table_made_before_the_upload_indexes_gets_them() {
    String old = table + "-old";
    var definition = CatalogTable.definition(old);
    List<String> uploadKeys = List.of(UploadItems.UPLOADER, UploadItems.UPLOAD_ORDER, UploadItems.OPEN_STATE);
    dynamo.createTable(definition.toBuilder()
        .attributeDefinitions(definition.attributeDefinitions().stream()
            .filter(d -> !uploadKeys.contains(d.attributeName())).toList())
        .globalSecondaryIndexes(definition.globalSecondaryIndexes().subList(0, 6)).build());

    CatalogTable.createIfMissing(dynamo, old);

    List<String> indexes = dynamo.describeTable(b -> b.tableName(old)).table().globalSecondaryIndexes().stream()
        .map(GlobalSecondaryIndexDescription::indexName).toList();
    assertThat(indexes).contains(CatalogTable.GSI_UPLOADER, CatalogTable.GSI_OPEN_UPLOADS).hasSize(8);
  }
}
