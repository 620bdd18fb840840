package dev.tonearm.catalog.dynamo;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The single table's key design. Every item has {@code pk} and {@code sk}; entity-specific attributes double as
 * sparse GSI keys, so an index holds only the items that carry its key. See {@code docs/data-model.md}.
 */
public final class CatalogTable {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogTable.class);
  private static final Duration INDEX_BUILD_TIMEOUT = Duration.ofMinutes(10);
  public static final String PK = "pk";
  public static final String SK = "sk";

  /** Tracks by visibility ({@code public}/{@code private}), in id order: listings. */
  public static final String GSI_VISIBILITY = "byVisibility";
  /** Tracks by owner, in id order: "my tracks" and the private half of a user's listing. */
  public static final String GSI_OWNER = "byOwner";
  /** Tracks by content hash: upload de-duplication. */
  public static final String GSI_SHA256 = "bySha256";
  /** Tracks by album (album artist + album), in disc/track order. */
  public static final String GSI_ALBUM = "byAlbum";
  /** Tracks by display artist, in album/disc/track order. */
  public static final String GSI_ARTIST = "byArtist";
  /** Tracks by original file name. */
  public static final String GSI_FILE_NAME = "byFileName";
  /** Uploads by uploader, newest first: "my uploads". */
  public static final String GSI_UPLOADER = "byUploader";
  /** Uploads not yet READY or FAILED, by status, oldest first: what the reconciler watches. */
  public static final String GSI_OPEN_UPLOADS = "byOpenUpload";

  private CatalogTable() {}

  public static String trackPk(String id) {
    return "TRACK#" + id;
  }

  public static String userPk(String userId) {
    return "USER#" + userId;
  }

  public static String uploadPk(String id) {
    return "UPLOAD#" + id;
  }

  /**
   * Creates the table with its indexes and stream if it does not exist yet. A table created before an index was
   * added to the design gets the missing indexes (DynamoDB builds them in the background).
   */
  public static void createIfMissing(DynamoDbClient dynamo, String tableName) {
    try {
      TableDescription existing = dynamo.describeTable(b -> b.tableName(tableName)).table();
      addMissingIndexes(dynamo, tableName, existing);
      return;
    } catch (ResourceNotFoundException absent) {
      // fall through and create it
    }
    try {
      dynamo.createTable(definition(tableName));
      dynamo.waiter().waitUntilTableExists(b -> b.tableName(tableName));
    } catch (ResourceInUseException raced) {
      // another process created it between describe and create
    }
  }

  /** The table definition; {@code template.yaml} declares the same keys and indexes. */
  public static CreateTableRequest definition(String tableName) {
    return CreateTableRequest.builder()
        .tableName(tableName)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash(PK), range(SK))
        .attributeDefinitions(
            string(PK), string(SK), string(TrackItems.ID), string(TrackItems.VISIBILITY),
            string(TrackItems.OWNER), string(TrackItems.SHA256), string(TrackItems.ALBUM_KEY),
            string(TrackItems.ARTIST_KEY), string(TrackItems.ORDER_IN_ALBUM), string(TrackItems.FILE_NAME),
            string(UploadItems.UPLOADER), string(UploadItems.UPLOAD_ORDER), string(UploadItems.OPEN_STATE))
        .globalSecondaryIndexes(
            gsi(GSI_VISIBILITY, TrackItems.VISIBILITY, TrackItems.ID, ProjectionType.ALL),
            gsi(GSI_OWNER, TrackItems.OWNER, TrackItems.ID, ProjectionType.ALL),
            gsi(GSI_SHA256, TrackItems.SHA256, TrackItems.ID, ProjectionType.KEYS_ONLY),
            gsi(GSI_ALBUM, TrackItems.ALBUM_KEY, TrackItems.ORDER_IN_ALBUM, ProjectionType.KEYS_ONLY),
            gsi(GSI_ARTIST, TrackItems.ARTIST_KEY, TrackItems.ORDER_IN_ALBUM, ProjectionType.KEYS_ONLY),
            gsi(GSI_FILE_NAME, TrackItems.FILE_NAME, TrackItems.ID, ProjectionType.KEYS_ONLY),
            gsi(GSI_UPLOADER, UploadItems.UPLOADER, UploadItems.UPLOAD_ORDER, ProjectionType.ALL),
            gsi(GSI_OPEN_UPLOADS, UploadItems.OPEN_STATE, UploadItems.UPLOAD_ORDER, ProjectionType.ALL))
        .streamSpecification(StreamSpecification.builder()
            .streamEnabled(true)
            .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)
            .build())
        .build();
  }

  /** Adds, one at a time (DynamoDB's rule), each index of the definition that {@code existing} lacks. */
  private static void addMissingIndexes(DynamoDbClient dynamo, String tableName, TableDescription existing) {
    Set<String> present = existing.globalSecondaryIndexes().stream()
        .map(GlobalSecondaryIndexDescription::indexName).collect(Collectors.toSet());
    CreateTableRequest wanted = definition(tableName);
    for (GlobalSecondaryIndex index : wanted.globalSecondaryIndexes()) {
      if (present.contains(index.indexName())) {
        continue;
      }
      List<String> keys = index.keySchema().stream().map(KeySchemaElement::attributeName).toList();
      dynamo.updateTable(b -> b.tableName(tableName)
          .attributeDefinitions(wanted.attributeDefinitions().stream()
              .filter(d -> keys.contains(d.attributeName())).toList())
          .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
              .create(CreateGlobalSecondaryIndexAction.builder().indexName(index.indexName())
                  .keySchema(index.keySchema()).projection(index.projection()).build())
              .build()));
      awaitIndexActive(dynamo, tableName, index.indexName());
      LOG.atInfo().addKeyValue("table", tableName).addKeyValue("index", index.indexName()).log("index added");
    }
  }

  /** DynamoDB builds one index at a time; the next can only start when this one is ACTIVE. */
  private static void awaitIndexActive(DynamoDbClient dynamo, String tableName, String indexName) {
    long deadline = System.nanoTime() + INDEX_BUILD_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      boolean active = dynamo.describeTable(b -> b.tableName(tableName)).table().globalSecondaryIndexes().stream()
          .anyMatch(i -> i.indexName().equals(indexName) && i.indexStatus() == IndexStatus.ACTIVE);
      if (active) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while index " + indexName + " was building", e);
      }
    }
    throw new IllegalStateException("index " + indexName + " of " + tableName + " is still building after "
        + INDEX_BUILD_TIMEOUT.toMinutes() + " min; start again when it is ACTIVE");
  }

  /**
   * Listings page through whole items, so their indexes project everything; lookups that return a handful of
   * tracks project keys only and read the items after, which keeps every write cheaper.
   */
  private static GlobalSecondaryIndex gsi(String name, String hashKey, String rangeKey, ProjectionType projection) {
    return GlobalSecondaryIndex.builder()
        .indexName(name)
        .keySchema(List.of(hash(hashKey), range(rangeKey)))
        .projection(Projection.builder().projectionType(projection).build())
        .build();
  }

  private static KeySchemaElement hash(String name) {
    return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
  }

  private static KeySchemaElement range(String name) {
    return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
  }

  private static AttributeDefinition string(String name) {
    return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
  }
}
