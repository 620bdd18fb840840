package dev.tonearm.catalog.dynamo;

import static dev.tonearm.catalog.dynamo.Fixtures.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackRating;
import dev.tonearm.catalog.Viewer;
import dev.tonearm.catalog.Visibility;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class DynamoRatingRepositoryTest {
  private static final Viewer ALICE = new Viewer("alice", false);
  private static final Viewer BOB = new Viewer("bob", false);
  private static final Viewer ROOT = new Viewer("root", true);
  @RegisterExtension static final LocalCatalog CATALOG = new LocalCatalog("ratings");
  private DynamoDbClient dynamo;
  private DynamoTrackRepository tracks;
  private DynamoRatingRepository ratings;
  private String table;

  @BeforeEach
  void freshTable() {
    dynamo = CATALOG.dynamo();
    table = CATALOG.freshTable();
    Clock clock = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);
    tracks = new DynamoTrackRepository(dynamo, table, clock);
    ratings = new DynamoRatingRepository(dynamo, table, clock);
    tracks.create(track("ace", "Ace of Spades", "Motörhead", "lemmy", Visibility.PUBLIC));
    tracks.create(track("demo", "Bedroom Demo", "Sigur Rós", "bob", Visibility.PRIVATE));
  }

  @Test
  void a_first_rating_sets_the_aggregate_and_bumps_the_version() {
    Track rated = ratings.rate(ALICE, "ace", 4).orElseThrow();
    assertThat(rated.rating()).isEqualTo(new Rating(4, 1));
    assertThat(rated.version()).isEqualTo(2);
    assertThat(ratings.stars("alice", "ace")).hasValue(4);
    assertThat(tracks.get("ace").orElseThrow().rating().average()).isEqualTo(4.0);
  }

  @Test
  void a_changed_rating_moves_the_sum_by_the_difference() {
    ratings.rate(ALICE, "ace", 4);
    ratings.rate(BOB, "ace", 5);
    Track changed = ratings.rate(ALICE, "ace", 2).orElseThrow();
    assertThat(changed.rating()).isEqualTo(new Rating(7, 2));
    assertThat(changed.version()).isEqualTo(4);
  }

  @Test
  void the_same_rating_again_changes_nothing() {
    ratings.rate(ALICE, "ace", 3);
    Track again = ratings.rate(ALICE, "ace", 3).orElseThrow();
    assertThat(again.rating()).isEqualTo(new Rating(3, 1));
    assertThat(again.version()).isEqualTo(2);
  }

  @Test
  void removing_a_rating_takes_it_out_of_the_aggregate_and_twice_is_harmless() {
    ratings.rate(ALICE, "ace", 4);
    ratings.rate(BOB, "ace", 1);
    assertThat(ratings.unrate(ALICE, "ace").orElseThrow().rating()).isEqualTo(new Rating(1, 1));
    Track twice = ratings.unrate(ALICE, "ace").orElseThrow();
    assertThat(twice.rating()).isEqualTo(new Rating(1, 1));
    assertThat(twice.version()).isEqualTo(4);
    assertThat(ratings.stars("alice", "ace")).isEmpty();
  }

  @Test
  void a_replayed_write_of_a_stale_read_fails_its_condition_and_changes_nothing() {
    ratings.rate(ALICE, "ace", 4);
    // A second transaction built from the same read (no rating yet) must not count alice twice.
    assertThatThrownBy(() -> dynamo.transactWriteItems(b -> b.transactItems(
        t -> t.put(p -> p.tableName(table).item(DynamoRatingRepository.toItem(
                new TrackRating("alice", "ace", 4, Fixtures.NOW)))
            .conditionExpression("attribute_not_exists(pk)")))))
        .isInstanceOf(TransactionCanceledException.class);
    assertThat(tracks.get("ace").orElseThrow().rating()).isEqualTo(new Rating(4, 1));
  }

  @Test
  void many_listeners_rating_one_track_at_once_keep_the_aggregate_exact() throws Exception {
    int listeners = 12;
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<Object>> work = new ArrayList<>();
      for (int i = 0; i < listeners; i++) {
        Viewer listener = new Viewer("listener-" + i, false);
        int first = 1 + i % 5;
        int second = 5 - i % 5;
        work.add(() -> {
          ratings.rate(listener, "ace", first);
          ratings.rate(listener, "ace", second);
          if (listener.userId().endsWith("3")) {
            ratings.unrate(listener, "ace");
          }
          return null;
        });
      }
      for (Future<Object> done : pool.invokeAll(work)) {
        done.get();
      }
    } finally {
      pool.shutdown();
    }
    long sum = 0;
    long count = 0;
    for (int i = 0; i < listeners; i++) {
      var stars = ratings.stars("listener-" + i, "ace");
      if (stars.isPresent()) {
        sum += stars.getAsInt();
        count++;
      }
    }
    Track track = tracks.get("ace").orElseThrow();
    assertThat(count).isEqualTo(listeners - 1); // listener-3 took theirs back
    assertThat(track.rating()).isEqualTo(new Rating(sum, count));
  }

  @Test
  void a_deleted_track_cannot_be_rated_and_gets_no_rating_item() {
    tracks.delete("ace", 1);
    assertThat(ratings.rate(ALICE, "ace", 5)).isEmpty();
    assertThat(ratings.stars("alice", "ace")).isEmpty();
    assertThat(tracks.get("ace")).isEmpty();
  }

  @Test
  void a_private_track_is_rated_by_its_owner_and_an_admin_only() {
    assertThat(ratings.rate(ALICE, "demo", 1)).isEmpty();
    assertThat(ratings.unrate(ALICE, "demo")).isEmpty();
    assertThat(ratings.stars("alice", "demo")).isEmpty();
    assertThat(tracks.get("demo").orElseThrow().version()).isEqualTo(1);
    assertThat(ratings.rate(BOB, "demo", 5).orElseThrow().rating()).isEqualTo(new Rating(5, 1));
    assertThat(ratings.rate(ROOT, "demo", 3).orElseThrow().rating()).isEqualTo(new Rating(8, 2));
  }

  @Test
  void ratings_are_listed_per_listener_and_stay_out_of_track_listings() {
    ratings.rate(ALICE, "ace", 5);
    ratings.rate(BOB, "demo", 2);
    assertThat(ratings.byUser("alice", 10)).extracting(TrackRating::trackId, TrackRating::stars)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ace", 5));
    assertThat(tracks.listVisible(ROOT, null, 10).items()).extracting(Track::id).containsExactly("ace", "demo");
    var scanned = dynamo.scan(b -> b.tableName(table)).items();
    assertThat(scanned.stream().filter(TrackItems::isTrack)).hasSize(2);
    assertThat(scanned.stream().filter(i -> i.getOrDefault(TrackItems.ENTITY, AttributeValue.fromS("")).s()
        .equals(DynamoRatingRepository.ENTITY_VALUE))).hasSize(2);
  }
}
