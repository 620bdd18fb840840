package dev.tonearm.catalog.dynamo;

import dev.tonearm.catalog.AlreadyExistsException;
import dev.tonearm.catalog.Page;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackRepository;
import dev.tonearm.catalog.VersionConflictException;
import dev.tonearm.catalog.Viewer;
import dev.tonearm.catalog.Visibility;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** Tracks in the single table. Every write is a conditional put or delete on {@code version}. */
public final class DynamoTrackRepository implements TrackRepository {
  private static final int MAX_LOOKUP = 100;

  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;
  private final BatchWriter batchWriter;

  public DynamoTrackRepository(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
    this.batchWriter = new BatchWriter(dynamo, table);
  }

  @Override
  public Track create(Track track) {
    try {
      dynamo.putItem(b -> b.tableName(table)
          .item(TrackItems.toItem(track))
          .conditionExpression("attribute_not_exists(#pk)")
          .expressionAttributeNames(Map.of("#pk", CatalogTable.PK)));
      return track;
    } catch (ConditionalCheckFailedException exists) {
      throw new AlreadyExistsException(track.id());
    }
  }

  @Override
  public int createAll(List<Track> tracks) {
    return batchWriter.putAll(tracks.stream().map(TrackItems::toItem).toList());
  }

  @Override
  public Optional<Track> get(String id) {
    Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(id)).consistentRead(true))
        .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(TrackItems.fromItem(item));
  }

  @Override
  public Optional<Track> update(String id, long expectedVersion, UnaryOperator<Track> change) {
    Optional<Track> current = get(id);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    if (current.get().version() != expectedVersion) {
      throw new VersionConflictException(id, expectedVersion);
    }
    Track next = change.apply(current.get()).nextVersion(clock.instant());
    try {
      dynamo.putItem(b -> b.tableName(table)
          .item(TrackItems.toItem(next))
          .conditionExpression("#v = :expected")
          .expressionAttributeNames(Map.of("#v", TrackItems.VERSION))
          .expressionAttributeValues(Map.of(":expected", number(expectedVersion)))
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
      return Optional.of(next);
    } catch (ConditionalCheckFailedException stale) {
      if (!stale.hasItem() || stale.item().isEmpty()) {
        return Optional.empty(); // deleted between our read and our write
      }
      throw new VersionConflictException(id, expectedVersion);
    }
  }

  @Override
  public boolean delete(String id, long expectedVersion) {
    try {
      dynamo.deleteItem(b -> b.tableName(table)
          .key(key(id))
          .conditionExpression("#v = :expected")
          .expressionAttributeNames(Map.of("#v", TrackItems.VERSION))
          .expressionAttributeValues(Map.of(":expected", number(expectedVersion)))
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
      return true;
    } catch (ConditionalCheckFailedException stale) {
      if (!stale.hasItem() || stale.item().isEmpty()) {
        return false;
      }
      throw new VersionConflictException(id, expectedVersion);
    }
  }

  /**
   * Merges two id-ordered index partitions: the public one, and the viewer's own tracks (or, for an admin, the
   * private partition). Each side is read {@code limit + 1} deep, which is enough: any id among the first
   * {@code limit} of the union is among the first {@code limit} of its own side.
   */
  @Override
  public Page<Track> listVisible(Viewer viewer, String afterId, int limit) {
    List<Track> publicSide = queryAfter(CatalogTable.GSI_VISIBILITY, TrackItems.VISIBILITY,
        Visibility.PUBLIC.wireName(), afterId, limit + 1);
    List<Track> otherSide = viewer.admin()
        ? queryAfter(CatalogTable.GSI_VISIBILITY, TrackItems.VISIBILITY, Visibility.PRIVATE.wireName(),
            afterId, limit + 1)
        : queryAfter(CatalogTable.GSI_OWNER, TrackItems.OWNER, viewer.userId(), afterId, limit + 1);
    TreeMap<String, Track> union = new TreeMap<>();
    publicSide.forEach(t -> union.put(t.id(), t));
    otherSide.stream().filter(t -> t.isVisibleTo(viewer)).forEach(t -> union.put(t.id(), t));
    List<Track> page = new ArrayList<>(union.values()).subList(0, Math.min(limit, union.size()));
    String lastId = union.size() > limit ? page.getLast().id() : null;
    return new Page<>(page, lastId);
  }

  @Override
  public List<Track> findByFileName(String fileName) {
    return lookUp(CatalogTable.GSI_FILE_NAME, TrackItems.FILE_NAME, fileName, Track::fileName);
  }

  @Override
  public List<Track> findBySha256(String sha256) {
    return lookUp(CatalogTable.GSI_SHA256, TrackItems.SHA256, sha256, Track::sha256);
  }

  /** Ids from a keys-only index, then the items themselves (consistent reads: the index may lag). */
  private List<Track> lookUp(String index, String hashAttr, String value, Function<Track, String> field) {
    List<String> ids = dynamo.query(b -> b.tableName(table).indexName(index).limit(MAX_LOOKUP)
            .keyConditionExpression("#h = :h")
            .expressionAttributeNames(Map.of("#h", hashAttr))
            .expressionAttributeValues(Map.of(":h", AttributeValue.fromS(value))))
        .items().stream().map(item -> item.get(TrackItems.ID).s()).toList();
    return ids.stream().map(this::get).flatMap(Optional::stream)
        .filter(t -> value.equals(field.apply(t))).toList();
  }

  /** Up to {@code limit} tracks of one index partition with range key strictly after {@code afterId}. */
  private List<Track> queryAfter(String index, String hashAttr, String hashValue, String afterId, int limit) {
    boolean paged = afterId != null;
    String condition = "#h = :h" + (paged ? " AND #id > :after" : "");
    Map<String, String> names = paged ? Map.of("#h", hashAttr, "#id", TrackItems.ID) : Map.of("#h", hashAttr);
    Map<String, AttributeValue> values = paged
        ? Map.of(":h", AttributeValue.fromS(hashValue), ":after", AttributeValue.fromS(afterId))
        : Map.of(":h", AttributeValue.fromS(hashValue));
    List<Track> out = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      QueryRequest request = QueryRequest.builder().tableName(table).indexName(index)
          .keyConditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
          .exclusiveStartKey(start).limit(limit - out.size()).build();
      QueryResponse response = dynamo.query(request);
      response.items().forEach(item -> out.add(TrackItems.fromItem(item)));
      start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
          ? response.lastEvaluatedKey() : null;
    } while (start != null && out.size() < limit);
    return out;
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of(CatalogTable.PK, AttributeValue.fromS(CatalogTable.trackPk(id)),
        CatalogTable.SK, AttributeValue.fromS(TrackItems.SORT_KEY_VALUE));
  }

  private static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
