package dev.tonearm.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads DynamoDB Local's real stream and renders its records as the JSON Lambda delivers to a DynamoDB event
 * source: the events the handler is tested with are made from real stream records, not written by hand.
 */
final class StreamTap {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DynamoDbStreamsClient streams;
  private final String streamArn;
  private final Set<String> seen = new HashSet<>();

  StreamTap(DynamoDbStreamsClient streams, String streamArn) {
    this.streams = streams;
    this.streamArn = streamArn;
  }

  /** Every record not taken before, over all shards (parents first), in stream order. */
  List<ObjectNode> take() {
    List<ObjectNode> out = new ArrayList<>();
    List<Shard> shards = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards();
    for (Shard shard : shards) {
      String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
      while (iterator != null) {
        String current = iterator;
        var response = streams.getRecords(b -> b.shardIterator(current));
        for (Record record : response.records()) {
          if (seen.add(record.dynamodb().sequenceNumber())) {
            out.add(StreamRecordJson.record(record, streamArn));
          }
        }
        iterator = response.records().isEmpty() ? null : response.nextShardIterator();
      }
    }
    return out;
  }

  /** A Lambda DynamoDB event of {@code records}. */
  String event(List<ObjectNode> records) throws Exception {
    return JSON.writeValueAsString(StreamRecordJson.event(records));
  }
}
