package dev.tonearm.server.ingestbench;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import dev.tonearm.catalog.dynamo.CatalogTable;
import dev.tonearm.ingest.Ingest;
import dev.tonearm.ingest.IngestConfig;
import dev.tonearm.localaws.LocalS3;
import dev.tonearm.localaws.S3MockProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Throw-away local AWS parts for a command: DynamoDB Local in memory and S3Mock in a temporary directory, with
 * the catalog table and the media bucket, and ingestion over them. Everything goes when closed.
 */
final class LocalParts implements AutoCloseable {
  static final String TABLE = "tonearm-catalog";
  static final String BUCKET = "tonearm-media";

  final Path scratch;
  final AmazonDynamoDBLocal dynamo;
  final S3MockProcess s3Mock;
  final S3Client s3;
  final Ingest ingest;

  LocalParts() throws IOException {
    String jar = System.getProperty("tonearm.s3mock.jar");
    if (jar == null) {
      throw new IllegalStateException("tonearm.s3mock.jar is not set: run this through ./tonearm");
    }
    scratch = Files.createTempDirectory("tonearm-ingest");
    dynamo = DynamoDBEmbedded.create();
    s3Mock = S3MockProcess.launch(Path.of(jar), scratch.resolve("s3"), scratch.resolve("s3mock.log"),
        List.of(BUCKET));
    s3Mock.awaitReady();
    s3 = LocalS3.client(s3Mock.endpoint());
    CatalogTable.createIfMissing(dynamo.dynamoDbClient(), TABLE);
    IngestConfig config = IngestConfig.from(Map.of(IngestConfig.TABLE, TABLE, IngestConfig.MEDIA_BUCKET, BUCKET,
        IngestConfig.WORK_DIR, scratch.resolve("work").toString()));
    ingest = Ingest.create(config, s3, dynamo.dynamoDbClient(), Clock.systemUTC());
  }

  @Override
  public void close() throws IOException {
    s3.close();
    s3Mock.close();
    dynamo.shutdown();
    try (Stream<Path> files = Files.walk(scratch)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
