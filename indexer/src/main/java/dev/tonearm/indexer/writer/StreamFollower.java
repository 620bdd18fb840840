package dev.tonearm.indexer.writer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Follows a table's stream through the DynamoDB Streams API, as the in-process writer of the embedded stack:
 * every shard from its checkpoint (or its start), parents before children, handing each batch of changes to a
 * sink together with the checkpoint that includes it. Closed shards that were read to the end are remembered as
 * done. One call of {@link #pollOnce(Sink)} reads what is there and returns; the caller loops.
 */
public final class StreamFollower {
  static final String DONE = "done";
  private static final Duration DESCRIBE_EVERY = Duration.ofSeconds(5);

  private final DynamoDbStreamsClient streams;
  private final String streamArn;
  private final Map<String, String> checkpoint;
  private final Map<String, String> iterators = new HashMap<>();
  private List<Shard> shards = List.of();
  private long describedAtNanos;
  private long doneAtDescribe;

  /** Receives changes and the checkpoint (shard id → last sequence number or "done") after them. */
  public interface Sink {
    void accept(List<CatalogChange> changes, Map<String, String> checkpoint) throws Exception;
  }

  /** Thrown when the checkpoint points at records the stream no longer has: rebuild from the table. */
  public static final class CheckpointLostException extends RuntimeException {
    CheckpointLostException(String shard, Throwable cause) {
      super("stream records after the checkpoint of shard " + shard + " are gone", cause);
    }
  }

  public StreamFollower(DynamoDbStreamsClient streams, String streamArn, Map<String, String> checkpoint) {
    this.streams = streams;
    this.streamArn = streamArn;
    this.checkpoint = new HashMap<>(checkpoint);
  }

  /** Reads every readable shard once; returns the number of records seen (0 = caught up). */
  public int pollOnce(Sink sink) throws Exception {
    int seen = 0;
    for (Shard shard : readableShards()) {
      String iterator = iterators.computeIfAbsent(shard.shardId(), this::firstIterator);
      GetRecordsResponse response = streams.getRecords(b -> b.shardIterator(iterator).limit(1000));
      List<CatalogChange> changes = new ArrayList<>();
      for (Record record : response.records()) {
        StreamChanges.of(record.eventNameAsString(), record.dynamodb().oldImage(), record.dynamodb().newImage())
            .ifPresent(changes::add);
      }
      if (!response.records().isEmpty()) {
        checkpoint.put(shard.shardId(), response.records().getLast().dynamodb().sequenceNumber());
      }
      if (response.nextShardIterator() == null) {
        checkpoint.put(shard.shardId(), DONE);
        iterators.remove(shard.shardId());
      } else {
        iterators.put(shard.shardId(), response.nextShardIterator());
      }
      if (!response.records().isEmpty() || response.nextShardIterator() == null) {
        sink.accept(changes, Map.copyOf(checkpoint));
      }
      seen += response.records().size();
    }
    return seen;
  }

  /**
   * Shards not done yet whose parent is done (or unknown to the stream any more). The shard list is described
   * again every few seconds, and at once after a shard closes: DescribeStream is rate-limited in AWS.
   */
  private List<Shard> readableShards() {
    if (shards.isEmpty() || doneShards() > doneAtDescribe
        || System.nanoTime() - describedAtNanos > DESCRIBE_EVERY.toNanos()) {
      shards = describeShards();
      describedAtNanos = System.nanoTime();
      doneAtDescribe = doneShards();
    }
    Set<String> known = new HashSet<>();
    shards.forEach(s -> known.add(s.shardId()));
    return shards.stream()
        .filter(s -> !DONE.equals(checkpoint.get(s.shardId())))
        .filter(s -> s.parentShardId() == null || !known.contains(s.parentShardId())
            || DONE.equals(checkpoint.get(s.parentShardId())))
        .toList();
  }

  private long doneShards() {
    return shards.stream().filter(s -> DONE.equals(checkpoint.get(s.shardId()))).count();
  }

  private List<Shard> describeShards() {
    List<Shard> shards = new ArrayList<>();
    String start = null;
    do {
      String from = start;
      StreamDescription description = streams.describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(from))
          .streamDescription();
      shards.addAll(description.shards());
      start = description.lastEvaluatedShardId();
    } while (start != null);
    return shards;
  }

  private String firstIterator(String shardId) {
    String after = checkpoint.get(shardId);
    try {
      return streams.getShardIterator(b -> {
        b.streamArn(streamArn).shardId(shardId);
        if (after == null) {
          b.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
        } else {
          b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after);
        }
      }).shardIterator();
    } catch (TrimmedDataAccessException e) {
      throw new CheckpointLostException(shardId, e);
    }
  }
}
