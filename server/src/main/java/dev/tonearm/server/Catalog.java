package dev.tonearm.server;

import dev.tonearm.catalog.RatingRepository;
import dev.tonearm.catalog.TrackRepository;
import dev.tonearm.catalog.UserRepository;
import dev.tonearm.catalog.dynamo.CatalogTable;
import dev.tonearm.catalog.dynamo.DynamoRatingRepository;
import dev.tonearm.catalog.dynamo.DynamoTrackRepository;
import dev.tonearm.catalog.dynamo.DynamoUserRepository;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The catalog as the server uses it: its repositories and a cheap reachability probe. */
public record Catalog(TrackRepository tracks, UserRepository users, RatingRepository ratings,
    java.util.function.BooleanSupplier reachable) {

  /** The DynamoDB catalog in {@code table}, which is created if missing (DynamoDB Local; in AWS it exists). */
  public static Catalog dynamo(DynamoDbClient dynamo, String table, Clock clock) {
    CatalogTable.createIfMissing(dynamo, table);
    return new Catalog(new DynamoTrackRepository(dynamo, table, clock), new DynamoUserRepository(dynamo, table, clock),
        new DynamoRatingRepository(dynamo, table, clock), () -> probe(dynamo, table));
  }

  private static boolean probe(DynamoDbClient dynamo, String table) {
    try {
      return dynamo.describeTable(b -> b.tableName(table)).table() != null;
    } catch (RuntimeException unreachable) {
      return false;
    }
  }
}
