package dev.tonearm.catalog.dynamo;

import dev.tonearm.catalog.UserProfile;
import dev.tonearm.catalog.UserRepository;
import dev.tonearm.catalog.VersionConflictException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** User profiles in the single table: {@code pk = USER#<sub>}, {@code sk = PROFILE}. */
public final class DynamoUserRepository implements UserRepository {
  static final String SORT_KEY_VALUE = "PROFILE";
  private static final String DISPLAY_NAME = "displayName";
  private static final String CREATED_AT = "createdAt";
  private static final String USER_ID = "userId";

  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  public DynamoUserRepository(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  @Override
  public Optional<UserProfile> get(String userId) {
    Map<String, AttributeValue> item =
        dynamo.getItem(b -> b.tableName(table).key(key(userId)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
  }

  @Override
  public UserProfile getOrCreate(String userId, String displayName) {
    Optional<UserProfile> existing = get(userId);
    if (existing.isPresent()) {
      return existing.get();
    }
    UserProfile fresh = new UserProfile(userId, displayName, clock.instant(), 1);
    try {
      dynamo.putItem(b -> b.tableName(table).item(toItem(fresh))
          .conditionExpression("attribute_not_exists(#pk)")
          .expressionAttributeNames(Map.of("#pk", CatalogTable.PK)));
      return fresh;
    } catch (ConditionalCheckFailedException raced) {
      return get(userId).orElseThrow();
    }
  }

  @Override
  public UserProfile rename(String userId, long expectedVersion, String displayName) {
    UserProfile current = get(userId).orElseThrow(() -> new VersionConflictException(userId, expectedVersion));
    UserProfile next = new UserProfile(userId, displayName, current.createdAt(), expectedVersion + 1);
    try {
      dynamo.putItem(b -> b.tableName(table).item(toItem(next))
          .conditionExpression("#v = :expected")
          .expressionAttributeNames(Map.of("#v", TrackItems.VERSION))
          .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion)))));
      return next;
    } catch (ConditionalCheckFailedException stale) {
      throw new VersionConflictException(userId, expectedVersion);
    }
  }

  private static Map<String, AttributeValue> key(String userId) {
    return Map.of(CatalogTable.PK, AttributeValue.fromS(CatalogTable.userPk(userId)),
        CatalogTable.SK, AttributeValue.fromS(SORT_KEY_VALUE));
  }

  private static Map<String, AttributeValue> toItem(UserProfile p) {
    return Map.of(
        CatalogTable.PK, AttributeValue.fromS(CatalogTable.userPk(p.userId())),
        CatalogTable.SK, AttributeValue.fromS(SORT_KEY_VALUE),
        TrackItems.ENTITY, AttributeValue.fromS("USER"),
        USER_ID, AttributeValue.fromS(p.userId()),
        DISPLAY_NAME, AttributeValue.fromS(p.displayName()),
        CREATED_AT, AttributeValue.fromS(p.createdAt().toString()),
        TrackItems.VERSION, AttributeValue.fromN(Long.toString(p.version())));
  }

  private static UserProfile fromItem(Map<String, AttributeValue> item) {
    return new UserProfile(item.get(USER_ID).s(), item.get(DISPLAY_NAME).s(),
        Instant.parse(item.get(CREATED_AT).s()), Long.parseLong(item.get(TrackItems.VERSION).n()));
  }
}
