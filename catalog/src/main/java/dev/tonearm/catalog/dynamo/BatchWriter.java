package dev.tonearm.catalog.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Puts items 25 at a time (DynamoDB's batch limit), resubmitting unprocessed items with exponential backoff
 * until all are written. Used for bulk loads of fresh items only: a batch put carries no condition.
 */
final class BatchWriter {
  static final int MAX_BATCH = 25;
  private static final int MAX_ATTEMPTS = 10;

  private final DynamoDbClient dynamo;
  private final String table;

  BatchWriter(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  int putAll(List<Map<String, AttributeValue>> items) {
    for (int from = 0; from < items.size(); from += MAX_BATCH) {
      List<WriteRequest> batch = items.subList(from, Math.min(items.size(), from + MAX_BATCH)).stream()
          .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
          .toList();
      write(new ArrayList<>(batch));
    }
    return items.size();
  }

  private void write(List<WriteRequest> pending) {
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      if (attempt > MAX_ATTEMPTS) {
        throw new IllegalStateException(pending.size() + " items still unprocessed after " + MAX_ATTEMPTS
            + " attempts");
      }
      List<WriteRequest> requests = pending;
      BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, requests)));
      pending = response.unprocessedItems().getOrDefault(table, List.of());
      if (!pending.isEmpty()) {
        backOff(attempt);
      }
    }
  }

  private static void backOff(int attempt) {
    try {
      Thread.sleep(Math.min(1000L, 20L << attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during a batch write", e);
    }
  }
}
