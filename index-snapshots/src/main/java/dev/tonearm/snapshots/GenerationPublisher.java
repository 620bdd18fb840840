package dev.tonearm.snapshots;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer's side: publishes each commit as the next generation. Built from the generation the writer
 * restored ({@link GenerationRestorer#restoreForWriting}) or none, it then expects to publish exactly the
 * generation after the last one it restored or published; if another writer got there first, {@link #publish}
 * throws {@link GenerationConflictException} and this publisher stays behind for good (the writer must restore
 * again).
 *
 * <p>Publishing uploads the commit's files the previous generation does not have (each verified against its
 * Lucene checksum first), then creates the generation's manifest, which succeeds for one writer only, then
 * advances the pointer. A writer that dies before the manifest leaves only unreferenced objects behind, which the
 * collector removes after its grace period.
 *
 * <p>The commit's files must stay on disk until {@link #publish} returns: publish before the next commit, or
 * hold the commit with a {@code SnapshotDeletionPolicy}. Not thread-safe: one writer, one thread.
 */
public final class GenerationPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(GenerationPublisher.class);
  private static final DateTimeFormatter LINEAGE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final SnapshotStore store;
  private final Generations generations;
  private final Clock clock;
  private Manifest previous;
  private Manifest unconfirmed; // created, but the store's answer was lost

  /** {@code previous}: the generation this writer restored, empty when it starts an empty store. */
  public GenerationPublisher(SnapshotStore store, Optional<Manifest> previous, Clock clock) {
    this.store = store;
    this.generations = new Generations(store);
    this.clock = clock;
    this.previous = previous.orElse(null);
  }

  public GenerationPublisher(SnapshotStore store, Optional<Manifest> previous) {
    this(store, previous, Clock.systemUTC());
  }

  /** A fresh lineage id for a new index history (a full rebuild): sortable by time, unique by chance. */
  public static String newLineage() {
    return LINEAGE_TIME.format(Instant.now()) + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
  }

  /** The generation this writer restored or last published; 0 before any. */
  public long lastGeneration() {
    return previous == null ? 0 : previous.generation();
  }

  /**
   * Publishes {@code commit} as the next generation of {@code lineage} (the restored generation's lineage to
   * continue it, a {@link #newLineage()} for a rebuilt index). Returns its manifest.
   */
  public Manifest publish(IndexCommit commit, String lineage) throws IOException {
    StoreLayout.requireLineage(lineage);
    long began = System.nanoTime();
    adoptIfPublished();
    long expected = lastGeneration();
    long newest = generations.newestGeneration();
    if (newest != expected) {
      throw new GenerationConflictException(expected, newest); // checked first, so a stale writer uploads nothing
    }
    Uploaded uploaded = upload(commit, lineage);
    Manifest manifest = new Manifest(Manifest.FORMAT, expected + 1, lineage, commit.getSegmentsFileName(),
        uploaded.files(), streamPosition(commit.getUserData()), clock.instant());
    if (!create(manifest)) {
      throw new GenerationConflictException(expected, generations.newestGeneration());
    }
    previous = manifest;
    advancePointerQuietly(manifest.generation());
    LOG.atInfo().addKeyValue("generation", manifest.generation()).addKeyValue("lineage", lineage)
        .addKeyValue("files", manifest.files().size()).addKeyValue("uploadedFiles", uploaded.count())
        .addKeyValue("uploadedBytes", uploaded.bytes())
        .addKeyValue("tookMs", (System.nanoTime() - began) / 1_000_000).log("index generation published");
    return manifest;
  }

  private boolean create(Manifest manifest) throws SnapshotStoreException {
    try {
      return generations.create(manifest);
    } catch (SnapshotStoreException e) {
      unconfirmed = manifest; // a timeout may hide a success: the next publish looks before it concludes
      throw e;
    }
  }

  /**
   * After a manifest creation whose answer was lost: if the store holds exactly that manifest, it was this
   * writer's, and the writer continues from it instead of taking its own generation for a rival's.
   */
  private void adoptIfPublished() throws SnapshotException {
    if (unconfirmed == null) {
      return;
    }
    Optional<Manifest> stored = generations.read(unconfirmed.generation());
    if (stored.isPresent() && stored.get().equals(unconfirmed)) {
      previous = unconfirmed;
      advancePointerQuietly(previous.generation());
      LOG.atInfo().addKeyValue("generation", previous.generation()).log("an unconfirmed publish had succeeded");
    }
    unconfirmed = null;
  }

  /** What one publish uploaded. */
  record Uploaded(List<Manifest.IndexFile> files, int count, long bytes) {}

  /**
   * Uploads the commit's files that the previous generation does not reference, each verified first. Files the
   * previous generation has are skipped on its word: its manifest is the newest, so the collector keeps them.
   * Any other object is uploaded even if its key exists, which also renews it for the collector's grace period.
   */
  Uploaded upload(IndexCommit commit, String lineage) throws IOException {
    Directory directory = commit.getDirectory();
    Path dir = fileSystemPath(directory);
    Map<String, Manifest.IndexFile> known = new HashMap<>();
    if (previous != null) {
      previous.files().forEach(f -> known.put(f.key(), f));
    }
    List<Manifest.IndexFile> files = new ArrayList<>();
    List<Manifest.IndexFile> upload = new ArrayList<>();
    for (String name : commit.getFileNames().stream().sorted().toList()) {
      Manifest.IndexFile file = describe(directory, name, lineage, known);
      if (file == null) {
        file = verified(directory, name, lineage);
        upload.add(file);
      }
      files.add(file);
    }
    Transfers.each(upload, file -> store.put(file.key(), dir.resolve(file.name())));
    return new Uploaded(files, upload.size(), upload.stream().mapToLong(Manifest.IndexFile::length).sum());
  }

  /** The previous generation's entry for this file if it has exactly this file, else null. */
  private static Manifest.IndexFile describe(Directory directory, String name, String lineage,
      Map<String, Manifest.IndexFile> known) throws IOException {
    try (IndexInput in = directory.openInput(name, IOContext.READONCE)) {
      long checksum = CodecUtil.retrieveChecksum(in); // footer only: cheap
      Manifest.IndexFile same = known.get(StoreLayout.fileKey(lineage, name, checksum));
      return same != null && same.name().equals(name) && same.length() == in.length() ? same : null;
    }
  }

  /** Reads the whole file to check it against its footer before it leaves the machine. */
  private static Manifest.IndexFile verified(Directory directory, String name, String lineage) throws IOException {
    try (IndexInput in = directory.openInput(name, IOContext.READONCE)) {
      long checksum = CodecUtil.checksumEntireFile(in);
      return new Manifest.IndexFile(name, StoreLayout.fileKey(lineage, name, checksum), in.length(), checksum);
    }
  }

  private void advancePointerQuietly(long generation) {
    try {
      generations.advancePointer(generation);
    } catch (SnapshotStoreException e) {
      // The generation is published (its manifest exists); readers find it by listing until the next publish.
      LOG.atWarn().setCause(e).addKeyValue("generation", generation).log("pointer not advanced");
    }
  }

  private static Map<String, String> streamPosition(Map<String, String> userData) {
    Map<String, String> position = new HashMap<>();
    userData.forEach((key, value) -> {
      if (key.startsWith(Manifest.STREAM_PREFIX)) {
        position.put(key.substring(Manifest.STREAM_PREFIX.length()), value);
      }
    });
    return position;
  }

  private static Path fileSystemPath(Directory directory) {
    if (FilterDirectory.unwrap(directory) instanceof FSDirectory fs) {
      return fs.getDirectory();
    }
    throw new IllegalArgumentException("publishing uploads files from disk; the commit's directory is "
        + directory.getClass().getSimpleName() + ", not a file-system directory");
  }
}
