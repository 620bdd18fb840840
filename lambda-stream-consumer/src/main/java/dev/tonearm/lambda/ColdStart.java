package dev.tonearm.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackStatus;
import dev.tonearm.catalog.Visibility;
import dev.tonearm.catalog.dynamo.TrackItems;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Measures the writer's cold start the way Lambda pays it, in a fresh JVM on the deployment jar: JVM start to
 * handler constructed (clients built from the environment), the first stream batch (restoring the newest
 * generation, applying, publishing), then a second, warm one. Run by the generations benchmark.
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    long mainAt = System.currentTimeMillis();
    long jvmAt = ManagementFactory.getRuntimeMXBean().getStartTime();
    long began = System.nanoTime();
    IndexWriterHandler handler = new IndexWriterHandler();
    long constructed = System.nanoTime();
    invoke(handler, "cold-start-1", 1);
    long first = System.nanoTime();
    invoke(handler, "cold-start-2", 2);
    long second = System.nanoTime();
    System.out.println(String.format(Locale.ROOT,
        "jvmToMainMs=%d handlerConstructedMs=%.0f firstBatchMs=%.0f warmBatchMs=%.0f", mainAt - jvmAt,
        (constructed - began) / 1e6, (first - constructed) / 1e6, (second - first) / 1e6));
  }

  private static void invoke(IndexWriterHandler handler, String id, long sequence) throws Exception {
    Instant now = Instant.now();
    Track track = new Track(id, "Cold Start " + id, List.of("Probe"), null, null, null, List.of(), null, null,
        null, null, null, "probe", Visibility.PUBLIC, null, Map.of(), TrackStatus.METADATA_ONLY, now, now, 1,
        Rating.NONE, null);
    var item = TrackItems.toItem(track);
    Record record = Record.builder().eventID(id).eventName(OperationType.INSERT)
        .dynamodb(StreamRecord.builder().approximateCreationDateTime(now).keys(Map.of("pk", item.get("pk")))
            .newImage(item).sequenceNumber(String.format(Locale.ROOT, "%021d", System.nanoTime() + sequence))
            .sizeBytes(100L).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build())
        .build();
    byte[] event = new ObjectMapper().writeValueAsBytes(StreamRecordJson.event(
        List.of(StreamRecordJson.record(record, "arn:aws:dynamodb:local:000000000000:table/probe/stream/now"))));
    handler.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), null);
  }
}
