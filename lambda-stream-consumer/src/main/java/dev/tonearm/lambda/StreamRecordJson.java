package dev.tonearm.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * A DynamoDB stream record rendered as the JSON Lambda delivers to a DynamoDB event source. The tests make their
 * events from DynamoDB Local's real records with it, and the cold-start probe makes its one event.
 */
public final class StreamRecordJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private StreamRecordJson() {}

  /** {@code {"Records":[…]}}. */
  public static ObjectNode event(List<ObjectNode> records) {
    ObjectNode event = NODES.objectNode();
    ArrayNode array = event.putArray("Records");
    records.forEach(array::add);
    return event;
  }

  public static ObjectNode record(Record record, String streamArn) {
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

  public static ObjectNode item(Map<String, AttributeValue> item) {
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
