package dev.tonearm.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads DynamoDB Local's real stream and renders its records as the JSON Lambda delivers to a DynamoDB event
 * source: the events the handler is tested with are made from real stream records, not written by hand.
 */
final class StreamTap {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
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
            out.add(toLambda(record));
          }
        }
        iterator = response.records().isEmpty() ? null : response.nextShardIterator();
      }
    }
    return out;
  }

  /** A Lambda DynamoDB event of {@code records}. */
  String event(List<ObjectNode> records) throws Exception {
    ObjectNode event = NODES.objectNode();
    ArrayNode array = event.putArray("Records");
    records.forEach(array::add);
    return JSON.writeValueAsString(event);
  }

  private ObjectNode toLambda(Record record) {
    ObjectNode node = NODES.objectNode();
    node.put("eventID", record.eventID());
    node.put("eventName", record.eventNameAsString());
    node.put("eventVersion", "1.1");
    node.put("eventSource", "aws:dynamodb");
    node.put("awsRegion", "us-east-1");
    ObjectNode dynamodb = node.putObject("dynamodb");
    dynamodb.put("ApproximateCreationDateTime", record.dynamodb().approximateCreationDateTime().getEpochSecond());
    dynamodb.set("Keys", item(record.dynamodb().keys()));
    if (record.dynamodb().hasNewImage()) {
      dynamodb.set("NewImage", item(record.dynamodb().newImage()));
    }
    if (record.dynamodb().hasOldImage()) {
      dynamodb.set("OldImage", item(record.dynamodb().oldImage()));
    }
    dynamodb.put("SequenceNumber", record.dynamodb().sequenceNumber());
    dynamodb.put("SizeBytes", record.dynamodb().sizeBytes());
    dynamodb.put("StreamViewType", record.dynamodb().streamViewTypeAsString());
    node.put("eventSourceARN", streamArn);
    return node;
  }

  static ObjectNode item(Map<String, AttributeValue> item) {
    ObjectNode node = NODES.objectNode();
    item.forEach((name, value) -> node.set(name, value(value)));
    return node;
  }

  private static ObjectNode value(AttributeValue v) {
    ObjectNode node = NODES.objectNode();
    if (v.s() != null) {
      node.put("S", v.s());
    } else if (v.n() != null) {
      node.put("N", v.n());
    } else if (v.b() != null) {
      node.put("B", base64(v.b()));
    } else if (v.bool() != null) {
      node.put("BOOL", v.bool());
    } else if (Boolean.TRUE.equals(v.nul())) {
      node.put("NULL", true);
    } else if (v.hasM()) {
      node.set("M", item(v.m()));
    } else if (v.hasL()) {
      ArrayNode list = node.putArray("L");
      v.l().forEach(e -> list.add(value(e)));
    } else if (v.hasSs()) {
      ArrayNode set = node.putArray("SS");
      v.ss().forEach(set::add);
    } else if (v.hasNs()) {
      ArrayNode set = node.putArray("NS");
      v.ns().forEach(set::add);
    } else if (v.hasBs()) {
      ArrayNode set = node.putArray("BS");
      v.bs().forEach(b -> set.add(base64(b)));
    }
    return node;
  }

  private static String base64(SdkBytes bytes) {
    return Base64.getEncoder().encodeToString(bytes.asByteArray());
  }
}
