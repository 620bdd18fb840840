package dev.tonearm.indexer.writer;

import dev.tonearm.catalog.dynamo.TrackItems;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns one DynamoDB stream record (NEW_AND_OLD_IMAGES) into a catalog change, the same way for the Streams API
 * poller and the Lambda. Items that are not tracks (user profiles…) are no change to the index.
 */
public final class StreamChanges {
  private StreamChanges() {}

  /**
   * @param eventName INSERT, MODIFY or REMOVE
   * @param oldImage the item before the change (empty for INSERT)
   * @param newImage the item after the change (empty for REMOVE)
   */
  public static Optional<CatalogChange> of(String eventName, Map<String, AttributeValue> oldImage,
      Map<String, AttributeValue> newImage) {
    if ("REMOVE".equals(eventName)) {
      if (oldImage == null || !TrackItems.isTrack(oldImage)) {
        return Optional.empty();
      }
      return Optional.of(new CatalogChange.Removed(oldImage.get(TrackItems.ID).s(),
          Long.parseLong(oldImage.get(TrackItems.VERSION).n())));
    }
    if (newImage == null || !TrackItems.isTrack(newImage)) {
      return Optional.empty();
    }
    return Optional.of(new CatalogChange.Upserted(TrackItems.fromItem(newImage)));
  }
}
