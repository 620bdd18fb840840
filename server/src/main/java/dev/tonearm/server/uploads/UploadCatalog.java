package dev.tonearm.server.uploads;

import dev.tonearm.catalog.TrackRepository;
import dev.tonearm.catalog.TrackTagsRepository;
import dev.tonearm.catalog.UploadRepository;
import dev.tonearm.catalog.dynamo.DynamoTrackRepository;
import dev.tonearm.catalog.dynamo.DynamoTrackTagsRepository;
import dev.tonearm.catalog.dynamo.DynamoUploadRepository;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The catalog as uploads use it: the uploads, the tracks (for de-duplication), the tags ingestion stored. */
public record UploadCatalog(UploadRepository uploads, TrackRepository tracks, TrackTagsRepository tags) {

  public static UploadCatalog dynamo(DynamoDbClient dynamo, String table, Clock clock) {
    return new UploadCatalog(new DynamoUploadRepository(dynamo, table, clock),
        new DynamoTrackRepository(dynamo, table, clock), new DynamoTrackTagsRepository(dynamo, table));
  }
}
