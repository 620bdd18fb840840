package dev.tonearm.catalog.dynamo;

import dev.tonearm.catalog.AlreadyExistsException;
import dev.tonearm.catalog.Page;
import dev.tonearm.catalog.Upload;
import dev.tonearm.catalog.UploadRepository;
import dev.tonearm.catalog.UploadStatus;
import dev.tonearm.catalog.VersionConflictException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** Uploads in the single table. Writes are conditional puts on {@code version}, exactly as for tracks. */
public final class DynamoUploadRepository implements UploadRepository {
  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  public DynamoUploadRepository(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  @Override
  public Upload create(Upload upload) {
    try {
      dynamo.putItem(b -> b.tableName(table).item(UploadItems.toItem(upload))
          .conditionExpression("attribute_not_exists(#pk)")
          .expressionAttributeNames(Map.of("#pk", CatalogTable.PK)));
      return upload;
    } catch (ConditionalCheckFailedException exists) {
      throw new AlreadyExistsException(upload.id());
    }
  }

  @Override
  public Optional<Upload> get(String id) {
    Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(id)).consistentRead(true))
        .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(UploadItems.fromItem(item));
  }

  @Override
  public Optional<Upload> update(String id, long expectedVersion, UnaryOperator<Upload> change) {
    Optional<Upload> current = get(id);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    if (current.get().version() != expectedVersion) {
      throw new VersionConflictException(id, expectedVersion);
    }
    Upload next = change.apply(current.get()).nextVersion(clock.instant());
    try {
      dynamo.putItem(b -> b.tableName(table).item(UploadItems.toItem(next))
          .conditionExpression("#v = :expected")
          .expressionAttributeNames(Map.of("#v", UploadItems.VERSION))
          .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion))))
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
      return Optional.of(next);
    } catch (ConditionalCheckFailedException stale) {
      if (!stale.hasItem() || stale.item().isEmpty()) {
        return Optional.empty();
      }
      throw new VersionConflictException(id, expectedVersion);
    }
  }

  @Override
  public Page<Upload> listByOwner(String owner, String after, int limit) {
    Map<String, String> names = new HashMap<>(Map.of("#h", UploadItems.UPLOADER));
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":h", AttributeValue.fromS(owner)));
    String condition = "#h = :h";
    if (after != null) {
      condition += " AND #o < :after";
      names.put("#o", UploadItems.UPLOAD_ORDER);
      values.put(":after", AttributeValue.fromS(after));
    }
    String keyCondition = condition;
    QueryResponse response = dynamo.query(b -> b.tableName(table).indexName(CatalogTable.GSI_UPLOADER)
        .keyConditionExpression(keyCondition).expressionAttributeNames(names).expressionAttributeValues(values)
        .scanIndexForward(false).limit(limit + 1));
    List<Upload> found = response.items().stream().map(UploadItems::fromItem).toList();
    List<Upload> page = found.subList(0, Math.min(limit, found.size()));
    return new Page<>(page, found.size() > limit ? UploadItems.order(page.getLast()) : null);
  }

  @Override
  public List<Upload> listOpen(UploadStatus status, int limit) {
    if (status.isFinal()) {
      throw new IllegalArgumentException(status + " uploads are not indexed as open");
    }
    return dynamo.query(b -> b.tableName(table).indexName(CatalogTable.GSI_OPEN_UPLOADS).limit(limit)
            .keyConditionExpression("#h = :h")
            .expressionAttributeNames(Map.of("#h", UploadItems.OPEN_STATE))
            .expressionAttributeValues(Map.of(":h", AttributeValue.fromS(status.name()))))
        .items().stream().map(UploadItems::fromItem).toList();
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of(CatalogTable.PK, AttributeValue.fromS(CatalogTable.uploadPk(id)),
        CatalogTable.SK, AttributeValue.fromS(UploadItems.SORT_KEY_VALUE));
  }
}
