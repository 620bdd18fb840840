package dev.tonearm.server.bench;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.dynamo.CatalogTable;
import dev.tonearm.catalog.dynamo.DynamoTrackRepository;
import dev.tonearm.indexer.IndexLayout;
import dev.tonearm.indexer.SearchSchema;
import dev.tonearm.indexer.TrackDocuments;
import dev.tonearm.indexer.writer.TableRebuild;
import dev.tonearm.localaws.LocalS3;
import dev.tonearm.localaws.S3MockProcess;
import dev.tonearm.snapshots.GenerationPublisher;
import dev.tonearm.snapshots.Manifest;
import dev.tonearm.snapshots.ReplicaIndex;
import dev.tonearm.snapshots.S3SnapshotStore;
import dev.tonearm.snapshots.SnapshotStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;

/**
 * {@code ./tonearm bench-generations}: the figures of the index lifecycle at scale, against S3Mock. Builds an
 * index of a generated catalog, publishes it, restores it on a fresh replica, publishes a small commit on top
 * (bytes uploaded, replica sync), rebuilds the same catalog from a DynamoDB Local table (scan, index, publish),
 * and measures the index writer Lambda's cold start in fresh JVMs on its deployment jar.
 */
public final class GenerationsBench {
  static final String USAGE =
      "usage: bench-generations <datasetsDir> <lambdaJar> [--tracks N] [--rebuild-tracks N]";
  private static final int SMALL_COMMIT = 10;
  private static final int COLD_STARTS = 3;

  private GenerationsBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || args.length % 2 != 0) {
      System.err.println(USAGE);
      System.exit(2);
    }
    long tracks = 1_000_000;
    Long rebuildTracks = null;
    for (int i = 2; i < args.length; i += 2) {
      long value = Long.parseLong(args[i + 1].replace("_", ""));
      switch (args[i]) {
        case "--tracks" -> tracks = value;
        case "--rebuild-tracks" -> rebuildTracks = value;
        default -> {
          System.err.println(USAGE);
          System.exit(2);
        }
      }
    }
    // DynamoDB Local loads and scans about a thousand items a second: the rebuild runs on a smaller table by
    // default, and its scan and indexing rates are printed apart so the full size can be reasoned about.
    long rebuilt = rebuildTracks != null ? rebuildTracks : Math.min(tracks, 50_000);
    Path work = Files.createTempDirectory("tonearm-bench-generations");
    S3MockProcess s3 = S3MockProcess.launch(Path.of(System.getProperty("tonearm.s3mock.jar")), work.resolve("s3"),
        work.resolve("s3mock.log"), List.of("index", "cold"));
    try {
      s3.awaitReady();
      CatalogGenerator catalog = new CatalogGenerator(Vocabulary.read(Path.of(args[0])), CatalogGenerator.SEED);
      SnapshotStore store = new S3SnapshotStore(LocalS3.client(s3.endpoint()), "index", "");
      publishRestoreAndSync(catalog, tracks, store, work);
      rebuildFromTable(catalog, rebuilt, store, work);
      coldStarts(Path.of(args[1]), s3, catalog, work);
    } finally {
      s3.close();
      BenchMain.delete(work);
    }
    System.exit(0); // DynamoDB Local leaves non-daemon threads behind
  }

  private static void publishRestoreAndSync(CatalogGenerator catalog, long tracks, SnapshotStore store, Path work)
      throws IOException {
    Path dir = work.resolve("writer");
    BenchIndex.Built built = BenchIndex.build(catalog, tracks, dir, BenchMain.INDEX_THREADS);
    say("built %,d tracks in %.1f s (%,.0f docs/s): %.1f MiB in %d segments", built.docs(), built.nanos() / 1e9,
        built.docsPerSecond(), mib(built.bytes()), built.segments());
    try (FSDirectory directory = FSDirectory.open(dir)) {
      GenerationPublisher publisher = new GenerationPublisher(store, Optional.empty());
      String lineage = GenerationPublisher.newLineage();
      long began = System.nanoTime();
      Manifest first = publisher.publish(lastCommit(directory), lineage);
      say("publish generation %d: %d files, %.1f MiB in %.1f s", first.generation(), first.files().size(),
          mib(first.totalBytes()), seconds(began));

      began = System.nanoTime();
      try (ReplicaIndex replica = ReplicaIndex.open(store, work.resolve("replica"))) {
        say("restore on a fresh replica: %.2f s (%,d docs open)", seconds(began), numDocs(replica));

        try (IndexWriter writer = new IndexWriter(directory, IndexLayout.writerConfig())) {
          for (int i = 0; i < SMALL_COMMIT; i++) {
            Track track = catalog.track(tracks + i);
            writer.updateDocument(new Term(SearchSchema.ID, track.id()), TrackDocuments.toDocument(track, 0f));
          }
          writer.commit();
          began = System.nanoTime();
          Manifest second = publisher.publish(lastCommit(directory), lineage);
          say("publish a commit of %d tracks: %d new files, %,d bytes uploaded in %.0f ms", SMALL_COMMIT,
              newFiles(first, second).size(), bytes(newFiles(first, second)), seconds(began) * 1000);
          began = System.nanoTime();
          replica.sync();
          say("replica sync to generation %d: %.0f ms", replica.generation(), seconds(began) * 1000);
        }
      }
    }
  }

  private static void rebuildFromTable(CatalogGenerator catalog, long tracks, SnapshotStore store, Path work)
      throws IOException {
    AmazonDynamoDBLocal local = DynamoDBEmbedded.create();
    try {
      CatalogTable.createIfMissing(local.dynamoDbClient(), "catalog");
      DynamoTrackRepository repository = new DynamoTrackRepository(local.dynamoDbClient(), "catalog",
          Clock.systemUTC());
      long began = System.nanoTime();
      try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Loading the table").setInitialMax(tracks)
          .setStyle(ProgressBarStyle.ASCII).setUnit(" items", 1).showSpeed().build()) {
        List<Track> chunk = new ArrayList<>();
        for (long i = 0; i < tracks; i++) {
          chunk.add(catalog.track(i));
          if (chunk.size() == 1000 || i == tracks - 1) {
            repository.createAll(chunk);
            bar.stepBy(chunk.size());
            chunk.clear();
          }
        }
      }
      say("table loaded: %,d items in %.0f s (setup, not part of the rebuild)", tracks, seconds(began));
      Path dir = work.resolve("rebuild");
      began = System.nanoTime();
      try (FSDirectory directory = FSDirectory.open(dir);
          IndexWriter writer = new IndexWriter(directory, IndexLayout.writerConfig()
              .setRAMBufferSizeMB(BenchIndex.RAM_BUFFER_MB))) {
        long scanBegan = System.nanoTime();
        long scanned = 0;
        for (var page : local.dynamoDbClient().scanPaginator(b -> b.tableName("catalog"))) {
          scanned += page.count();
        }
        double scanOnly = seconds(scanBegan);
        began = System.nanoTime();
        TableRebuild.Result result = TableRebuild.into(writer, local.dynamoDbClient(), "catalog", 4);
        writer.commit();
        double indexed = seconds(began);
        Manifest manifest = new GenerationPublisher(store, newest(store))
            .publish(lastCommit(directory), GenerationPublisher.newLineage());
        say("full rebuild: %,d tracks scanned and indexed in %.1f s (%,.0f tracks/s; a bare scan of the table "
            + "alone: %.1f s = %,.0f items/s), published as generation %d (new lineage) at %.1f s in all",
            result.tracks(), indexed, result.tracks() / indexed, scanOnly, scanned / scanOnly,
            manifest.generation(), seconds(began));
      }
    } finally {
      local.shutdown();
    }
  }

  private static void coldStarts(Path lambdaJar, S3MockProcess s3, CatalogGenerator catalog, Path work)
      throws Exception {
    if (!Files.isRegularFile(lambdaJar)) {
      say("cold start: skipped, %s is not built (mvn package)", lambdaJar);
      return;
    }
    SnapshotStore store = new S3SnapshotStore(LocalS3.client(s3.endpoint()), "cold", "");
    Path dir = work.resolve("cold-seed");
    BenchIndex.build(catalog, 1000, dir, 1);
    try (FSDirectory directory = FSDirectory.open(dir)) {
      new GenerationPublisher(store, Optional.empty()).publish(lastCommit(directory), GenerationPublisher.newLineage());
    }
    for (int run = 1; run <= COLD_STARTS; run++) {
      ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-cp", lambdaJar.toString(),
          "dev.tonearm.lambda.ColdStart").redirectErrorStream(true);
      Map<String, String> env = java.environment();
      env.put("TONEARM_TABLE", "catalog");
      env.put("TONEARM_INDEX_BUCKET", "cold");
      env.put("TONEARM_S3_ENDPOINT", s3.endpoint().toString());
      env.put("TONEARM_DYNAMODB_ENDPOINT", "http://127.0.0.1:9"); // a batch never reads the table
      env.put("TONEARM_WORK_DIR", work.resolve("cold-" + run).toString());
      env.put("AWS_REGION", "us-east-1");
      env.put("AWS_ACCESS_KEY_ID", "local");
      env.put("AWS_SECRET_ACCESS_KEY", "local");
      long began = System.nanoTime();
      Process process = java.start();
      String output = new String(process.getInputStream().readAllBytes());
      int exit = process.waitFor();
      String figures = output.lines().filter(l -> l.startsWith("jvmToMainMs=")).findFirst()
          .orElse("failed (exit " + exit + "): " + output.lines().reduce((a, b) -> b).orElse(""));
      say("cold start %d (fresh JVM on the deployment jar, 1,000-track generation): %s, process %.0f ms", run,
          figures, seconds(began) * 1000);
    }
  }

  private static Optional<Manifest> newest(SnapshotStore store) throws IOException {
    return new dev.tonearm.snapshots.GenerationRestorer(store).newest();
  }

  private static IndexCommit lastCommit(FSDirectory directory) throws IOException {
    return DirectoryReader.listCommits(directory).getLast();
  }

  private static int numDocs(ReplicaIndex replica) throws IOException {
    IndexSearcher searcher = replica.searchers().acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      replica.searchers().release(searcher);
    }
  }

  private static List<Manifest.IndexFile> newFiles(Manifest before, Manifest after) {
    Set<String> old = new HashSet<>();
    before.files().forEach(f -> old.add(f.key()));
    return after.files().stream().filter(f -> !old.contains(f.key())).toList();
  }

  private static long bytes(List<Manifest.IndexFile> files) {
    return files.stream().mapToLong(Manifest.IndexFile::length).sum();
  }

  private static double seconds(long began) {
    return (System.nanoTime() - began) / 1e9;
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  private static void say(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }
}
