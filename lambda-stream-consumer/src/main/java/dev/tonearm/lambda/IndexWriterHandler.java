package dev.tonearm.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import dev.tonearm.snapshots.S3SnapshotStore;

/**
 * The Lambda entry point and composition root: clients are built once per container, the writer (and its local
 * index in /tmp) lives across warm invocations. One handler takes both events the function is wired to: a
 * DynamoDB stream batch (answered with {@code batchItemFailures}) and the nightly rebuild
 * ({@code {"action":"rebuild"}} from the schedule).
 */
public final class IndexWriterHandler implements RequestStreamHandler {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PojoSerializer<DynamodbEvent> EVENTS =
      LambdaEventSerializers.serializerFor(DynamodbEvent.class, IndexWriterHandler.class.getClassLoader());

  private final IndexWriterService writer;

  /** What the Lambda runtime calls: configured from the environment. */
  public IndexWriterHandler() {
    this(WriterConfig.fromEnvironment());
  }

  public IndexWriterHandler(WriterConfig config) {
    this(new IndexWriterService(new S3SnapshotStore(s3(config), config.indexBucket(), ""), dynamo(config),
        config.table(), config.workDir(), config.keepGenerations()));
  }

  IndexWriterHandler(IndexWriterService writer) {
    this.writer = writer;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    byte[] body = input.readAllBytes();
    JsonNode event = JSON.readTree(body);
    if (event != null && event.has("Records")) {
      StreamsEventResponse response = writer.apply(EVENTS.fromJson(new ByteArrayInputStream(body)));
      JSON.writeValue(output, Map.of("batchItemFailures", response.getBatchItemFailures().stream()
          .map(f -> Map.of("itemIdentifier", f.getItemIdentifier())).toList()));
    } else if (event != null && "rebuild".equals(event.path("action").asText())) {
      JSON.writeValue(output, writer.rebuild());
    } else {
      throw new IllegalArgumentException("not an event this function handles: expected a DynamoDB stream batch "
          + "or {\"action\":\"rebuild\"}");
    }
  }

  private static S3Client s3(WriterConfig config) {
    S3ClientBuilder builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create());
    config.s3Endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
    return builder.build();
  }

  private static DynamoDbClient dynamo(WriterConfig config) {
    DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
    config.dynamoEndpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }
}
