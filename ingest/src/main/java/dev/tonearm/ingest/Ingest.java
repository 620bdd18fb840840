package dev.tonearm.ingest;

import dev.tonearm.catalog.dynamo.DynamoTrackRepository;
import dev.tonearm.catalog.dynamo.DynamoTrackTagsRepository;
import dev.tonearm.catalog.dynamo.DynamoUploadRepository;
import dev.tonearm.ingest.pipeline.IngestPipeline;
import dev.tonearm.ingest.storage.MediaStore;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Ingestion wired from its clients: the worker that handles storage events, the reconciler that makes up for
 * missing ones, and the pipelines. One per process; the Lambda handler and the server's local event source
 * both build theirs here.
 */
public final class Ingest {
  private final IngestConfig config;
  private final IngestStores stores;
  private final Clock clock;

  public Ingest(IngestConfig config, IngestStores stores, Clock clock) {
    this.config = config;
    this.stores = stores;
    this.clock = clock;
  }

  /** Over the DynamoDB catalog table and the S3 media bucket that {@code config} names. */
  public static Ingest create(IngestConfig config, S3Client s3, DynamoDbClient dynamo, Clock clock) {
    return new Ingest(config, new IngestStores(
        new DynamoUploadRepository(dynamo, config.table(), clock),
        new DynamoTrackRepository(dynamo, config.table(), clock),
        new DynamoTrackTagsRepository(dynamo, config.table()),
        new MediaStore(s3, config.mediaBucket())), clock);
  }

  public IngestConfig config() {
    return config;
  }

  public IngestStores stores() {
    return stores;
  }

  public IngestWorker worker() {
    return worker(IngestPipeline.standard(parts()));
  }

  /** A worker running {@code pipeline}: a test's, or {@link #inspection()} for checking files only. */
  public IngestWorker worker(IngestPipeline pipeline) {
    return new IngestWorker(config.mediaBucket(), new Ingestion(stores, pipeline, config, clock), new Removal(stores));
  }

  /** The first six steps only: everything is checked and the art stored, nothing transcoded or published. */
  public IngestPipeline inspection() {
    return IngestPipeline.inspection(parts());
  }

  public UploadReconciler reconciler() {
    return new UploadReconciler(stores, config, clock);
  }

  private IngestPipeline.Parts parts() {
    return new IngestPipeline.Parts(config, stores.media(), stores.tracks(), stores.tags(), clock);
  }
}
