package dev.tonearm.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbRecordTransformer;
import dev.tonearm.indexer.writer.CatalogChange;
import dev.tonearm.indexer.writer.StreamChanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * One stream batch read into catalog changes, record by record: a record that cannot be read (a malformed item
 * image) becomes a failure named by its sequence number and does not stop the records around it.
 *
 * @param changes the changes of the readable records, in stream order
 * @param failed sequence numbers of the records that could not be read
 * @param lastSequence the sequence number of the batch's last record (the stream position it reaches)
 */
record StreamBatch(List<CatalogChange> changes, List<String> failed, Optional<String> lastSequence) {
  private static final Logger LOG = LoggerFactory.getLogger(StreamBatch.class);

  static StreamBatch of(DynamodbEvent event) {
    List<CatalogChange> changes = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    String last = null;
    List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
    for (DynamodbEvent.DynamodbStreamRecord record : records) {
      String sequence = record.getDynamodb() == null ? null : record.getDynamodb().getSequenceNumber();
      last = sequence != null ? sequence : last;
      try {
        Record v2 = DynamodbRecordTransformer.toRecordV2(record);
        StreamChanges.of(v2.eventNameAsString(), v2.dynamodb().oldImage(), v2.dynamodb().newImage())
            .ifPresent(changes::add);
      } catch (RuntimeException e) {
        LOG.atError().setCause(e).addKeyValue("sequenceNumber", sequence).addKeyValue("eventId", record.getEventID())
            .log("a stream record cannot be read; reported as a batch item failure");
        if (sequence != null) {
          failed.add(sequence);
        }
      }
    }
    return new StreamBatch(changes, failed, Optional.ofNullable(last));
  }
}
