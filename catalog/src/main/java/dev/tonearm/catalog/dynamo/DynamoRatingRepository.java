package dev.tonearm.catalog.dynamo;

import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.RatingRepository;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackRating;
import dev.tonearm.catalog.TrackRepository;
import dev.tonearm.catalog.VersionConflictException;
import dev.tonearm.catalog.Viewer;
import dev.tonearm.catalog.Visibility;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Ratings in the single table: one item per (listener, track) in the listener's partition, {@code pk =
 * USER#<sub>}, {@code sk = RATING#<trackId>}, {@code entity = RATING}, so "my ratings" is one query and the item
 * is in no index (it has no track {@code id}, {@code owner} or {@code visibility}) and never in the search index.
 *
 * <p>A change is one {@code TransactWriteItems}: the rating item, conditioned on the stars it held when read
 * (absent for a first rating), and the track item, whose {@code ratingSum}, {@code ratingCount} and {@code version}
 * move by the difference, conditioned on the track existing and being visible to the listener. A retry of the
 * same change, a change that lost a race, or a rating of a track deleted or made private meanwhile fails its
 * condition and changes nothing; the repository then reads again and decides afresh. Concurrent ratings of one
 * track by different listeners conflict only on the track item, and both land by arithmetic, never by a
 * read-modify-write of the aggregate.
 */
public final class DynamoRatingRepository implements RatingRepository {
  public static final String SORT_KEY_PREFIX = "RATING#";
  public static final String ENTITY_VALUE = "RATING";
  static final String USER_ID = "userId";
  static final String TRACK_ID = "trackId";
  static final String STARS = "stars";
  static final String RATED_AT = "ratedAt";
  /** Attempts of one change under contention; each reads again, with a growing, jittered pause between. */
  static final int MAX_ATTEMPTS = 30;

  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;
  private final TrackRepository tracks;

  public DynamoRatingRepository(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
    this.tracks = new DynamoTrackRepository(dynamo, table, clock);
  }

  @Override
  public OptionalInt stars(String userId, String trackId) {
    Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(userId, trackId))
        .consistentRead(true)).item();
    return item == null || item.isEmpty() ? OptionalInt.empty()
        : OptionalInt.of(Integer.parseInt(item.get(STARS).n()));
  }

  @Override
  public Optional<Track> rate(Viewer viewer, String trackId, int stars) {
    if (stars < Rating.MIN_STARS || stars > Rating.MAX_STARS) {
      throw new IllegalArgumentException("stars must be 1..5, was " + stars);
    }
    return change(viewer, trackId, stars);
  }

  @Override
  public Optional<Track> unrate(Viewer viewer, String trackId) {
    return change(viewer, trackId, 0);
  }

  @Override
  public List<TrackRating> byUser(String userId, int limit) {
    List<TrackRating> out = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      QueryRequest request = QueryRequest.builder().tableName(table).limit(limit - out.size())
          .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
          .expressionAttributeNames(Map.of("#pk", CatalogTable.PK, "#sk", CatalogTable.SK))
          .expressionAttributeValues(Map.of(":pk", s(CatalogTable.userPk(userId)), ":prefix", s(SORT_KEY_PREFIX)))
          .exclusiveStartKey(start).build();
      QueryResponse response = dynamo.query(request);
      response.items().forEach(item -> out.add(fromItem(item)));
      start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
          ? response.lastEvaluatedKey() : null;
    } while (start != null && out.size() < limit);
    return out;
  }

  /** Moves the viewer's stars on the track to {@code after} (0 = no rating), retrying lost races. */
  private Optional<Track> change(Viewer viewer, String trackId, int after) {
    for (int attempt = 1; ; attempt++) {
      Optional<Track> track = tracks.get(trackId).filter(t -> t.isVisibleTo(viewer));
      if (track.isEmpty()) {
        return Optional.empty();
      }
      int before = stars(viewer.userId(), trackId).orElse(0);
      if (before == after) {
        return track; // already so: a retried request changes nothing
      }
      try {
        dynamo.transactWriteItems(b -> b.transactItems(ratingWrite(viewer, trackId, before, after),
            TransactWriteItem.builder().update(aggregateUpdate(viewer, trackId, before, after)).build()));
        return tracks.get(trackId);
      } catch (TransactionCanceledException lost) {
        if (attempt >= MAX_ATTEMPTS) {
          throw new VersionConflictException(trackId, track.get().version());
        }
        pause(attempt, lost);
      }
    }
  }

  /** Put or delete of the rating item, only if it still holds {@code before} (0: absent). */
  private TransactWriteItem ratingWrite(Viewer viewer, String trackId, int before, int after) {
    Map<String, String> names = before == 0 ? Map.of("#pk", CatalogTable.PK) : Map.of("#stars", STARS);
    Map<String, AttributeValue> values = new HashMap<>();
    if (before != 0) {
      values.put(":before", n(before));
    }
    String condition = before == 0 ? "attribute_not_exists(#pk)" : "#stars = :before";
    Map<String, AttributeValue> conditionValues = values.isEmpty() ? null : values;
    if (after == 0) {
      return TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(viewer.userId(), trackId))
          .conditionExpression(condition).expressionAttributeNames(names)
          .expressionAttributeValues(conditionValues)).build();
    }
    Map<String, AttributeValue> item = toItem(new TrackRating(viewer.userId(), trackId, after, clock.instant()));
    return TransactWriteItem.builder().put(p -> p.tableName(table).item(item).conditionExpression(condition)
        .expressionAttributeNames(names).expressionAttributeValues(conditionValues)).build();
  }

  /**
   * The track's aggregate and version moved by the difference, only if the track exists and the viewer may still
   * see it (a rating must never reach another's private track, even one made private a moment ago).
   */
  private Update aggregateUpdate(Viewer viewer, String trackId, int before, int after) {
    long sumDelta = after - before;
    long countDelta = (after == 0 ? 0 : 1) - (before == 0 ? 0 : 1);
    Map<String, String> names = new HashMap<>(Map.of("#pk", CatalogTable.PK, "#sum", TrackItems.RATING_SUM,
        "#count", TrackItems.RATING_COUNT, "#v", TrackItems.VERSION));
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":zero", n(0), ":one", n(1),
        ":sum", n(sumDelta), ":count", n(countDelta)));
    String condition = "attribute_exists(#pk)";
    if (!viewer.admin()) {
      names.put("#vis", TrackItems.VISIBILITY);
      names.put("#owner", TrackItems.OWNER);
      values.put(":public", s(Visibility.PUBLIC.wireName()));
      values.put(":me", s(viewer.userId()));
      condition += " AND (#vis = :public OR #owner = :me)";
    }
    return Update.builder().tableName(table).key(trackKey(trackId))
        .updateExpression("SET #sum = if_not_exists(#sum, :zero) + :sum, "
            + "#count = if_not_exists(#count, :zero) + :count, #v = #v + :one")
        .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values).build();
  }

  /** Between attempts: back off so that many listeners rating one track at once all get through. */
  private static void pause(int attempt, TransactionCanceledException lost) {
    boolean conflict = lost.hasCancellationReasons() && lost.cancellationReasons().stream()
        .map(CancellationReason::code).anyMatch("TransactionConflict"::equals);
    long bound = conflict ? Math.min(200, 5L << Math.min(attempt, 6)) : 2;
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while rating", e);
    }
  }

  static Map<String, AttributeValue> toItem(TrackRating rating) {
    Map<String, AttributeValue> item = new HashMap<>(key(rating.userId(), rating.trackId()));
    item.put(TrackItems.ENTITY, s(ENTITY_VALUE));
    item.put(USER_ID, s(rating.userId()));
    item.put(TRACK_ID, s(rating.trackId()));
    item.put(STARS, n(rating.stars()));
    item.put(RATED_AT, s(rating.ratedAt().toString()));
    return item;
  }

  static TrackRating fromItem(Map<String, AttributeValue> item) {
    return new TrackRating(item.get(USER_ID).s(), item.get(TRACK_ID).s(), Integer.parseInt(item.get(STARS).n()),
        Instant.parse(item.get(RATED_AT).s()));
  }

  private static Map<String, AttributeValue> key(String userId, String trackId) {
    return Map.of(CatalogTable.PK, s(CatalogTable.userPk(userId)), CatalogTable.SK, s(SORT_KEY_PREFIX + trackId));
  }

  private static Map<String, AttributeValue> trackKey(String trackId) {
    return Map.of(CatalogTable.PK, s(CatalogTable.trackPk(trackId)), CatalogTable.SK, s(TrackItems.SORT_KEY_VALUE));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
