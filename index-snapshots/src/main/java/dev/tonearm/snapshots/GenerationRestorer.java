package dev.tonearm.snapshots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the newest generation and brings it to local disk, verified. The writer calls
 * {@link #restoreForWriting} before it opens its {@code IndexWriter}; replicas go through {@link ReplicaIndex},
 * which uses the same verified copy. Every restore can be repeated after a failure: files already in place are
 * kept only if they verify.
 */
public final class GenerationRestorer {
  private static final Logger LOG = LoggerFactory.getLogger(GenerationRestorer.class);

  private final SnapshotStore store;
  private final Generations generations;

  public GenerationRestorer(SnapshotStore store) {
    this.store = store;
    this.generations = new Generations(store);
  }

  /** The newest published generation's manifest; empty when the store has none. */
  public Optional<Manifest> newest() throws SnapshotException {
    return generations.newest();
  }

  /**
   * Makes {@code dir} an exact, writable copy of the newest generation: its files verified, every other file
   * removed (stale segments of a writer that lost a race or died would otherwise be mistaken for the
   * generation's). Returns that generation's manifest, to build the writer's {@link GenerationPublisher} from;
   * empty, with {@code dir} untouched, when the store has no generation yet. No {@code IndexWriter} may be open on
   * {@code dir}.
   */
  public Optional<Manifest> restoreForWriting(Path dir) throws IOException {
    Optional<Manifest> newest = newest();
    if (newest.isPresent()) {
      restore(newest.get(), dir);
      removeAllBut(dir, newest.get());
    }
    return newest;
  }

  /** Brings every file of {@code manifest} into {@code dir}, verified; other files in {@code dir} are left alone. */
  public void restore(Manifest manifest, Path dir) throws IOException {
    long began = System.nanoTime();
    LocalCopy.Fetched fetched = LocalCopy.fetch(store, manifest, dir, Set.of());
    LOG.atInfo().addKeyValue("generation", manifest.generation()).addKeyValue("lineage", manifest.lineage())
        .addKeyValue("downloadedFiles", fetched.files()).addKeyValue("downloadedBytes", fetched.bytes())
        .addKeyValue("tookMs", (System.nanoTime() - began) / 1_000_000).log("index generation restored");
  }

  private static void removeAllBut(Path dir, Manifest manifest) throws IOException {
    Set<String> keep = new HashSet<>();
    manifest.files().forEach(f -> keep.add(f.name()));
    List<Path> entries;
    try (Stream<Path> list = Files.list(dir)) {
      entries = list.toList();
    }
    for (Path entry : entries) {
      if (!keep.contains(entry.getFileName().toString())) {
        LocalCopy.deleteTree(entry);
      }
    }
  }
}
