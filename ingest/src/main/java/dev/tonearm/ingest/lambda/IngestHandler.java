package dev.tonearm.ingest.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.tonearm.ingest.Ingest;
import dev.tonearm.ingest.IngestConfig;
import dev.tonearm.ingest.IngestOutcome;
import dev.tonearm.ingest.IngestWorker;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The ingest Lambda: S3 {@code ObjectCreated:*} and {@code ObjectRemoved:*} notifications of
 * {@code tracks/*}{@code /original.*} in the media bucket. Clients are built once per container, in the
 * constructor; each record is handed to the {@link IngestWorker}. A record whose storage kept failing makes
 * the invocation fail after the others were handled, so Lambda's retry of the asynchronous event brings it
 * back (the others then find their uploads final and skip).
 */
public final class IngestHandler implements RequestHandler<S3Event, String> {
  private static final Logger LOG = LoggerFactory.getLogger(IngestHandler.class);

  private final IngestWorker worker;

  public IngestHandler() {
    this(IngestConfig.fromEnvironment());
  }

  IngestHandler(IngestConfig config) {
    S3ClientBuilder s3 = S3Client.builder();
    config.s3Endpoint().ifPresent(endpoint -> s3.endpointOverride(endpoint).forcePathStyle(true));
    DynamoDbClientBuilder dynamo = DynamoDbClient.builder();
    config.dynamoEndpoint().ifPresent(dynamo::endpointOverride);
    this.worker = Ingest.create(config, s3.build(), dynamo.build(), Clock.systemUTC()).worker();
  }

  public IngestHandler(IngestWorker worker) {
    this.worker = worker;
  }

  @Override
  public String handleRequest(S3Event event, Context context) {
    Exception retryLater = null;
    int handled = 0;
    for (S3EventNotificationRecord record : event.getRecords()) {
      try {
        IngestOutcome outcome = worker.handle(record);
        LOG.atInfo().addKeyValue("event", record.getEventName()).addKeyValue("outcome", outcome).log("handled");
        handled++;
      } catch (Exception e) {
        LOG.atWarn().setCause(e).addKeyValue("event", record.getEventName()).log("will be retried");
        retryLater = retryLater == null ? e : retryLater;
      }
    }
    if (retryLater != null) {
      throw new IllegalStateException("storage kept failing; the event will be retried", retryLater);
    }
    return "handled " + handled;
  }
}
