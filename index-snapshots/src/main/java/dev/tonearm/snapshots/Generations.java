package dev.tonearm.snapshots;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finding and recording generations. The manifests are the truth; the pointer only saves readers a listing of
 * every manifest. The newest generation is the last manifest after the pointer's (usually none, when the pointer
 * is current; one or more when a writer's pointer write was lost or lost a race).
 */
final class Generations {
  private static final Logger LOG = LoggerFactory.getLogger(Generations.class);
  private static final int POINTER_ATTEMPTS = 5;

  private final SnapshotStore store;

  Generations(SnapshotStore store) {
    this.store = store;
  }

  /** The newest published generation's number, 0 when there is none. */
  long newestGeneration() throws SnapshotStoreException {
    long pointer = store.get(StoreLayout.POINTER).map(b -> ManifestCodec.readPointer(b.content())).orElse(0L);
    return lastManifestAfter(pointer).orElse(pointer);
  }

  Optional<Manifest> newest() throws SnapshotException {
    long generation = newestGeneration();
    if (generation == 0) {
      return Optional.empty();
    }
    Optional<Manifest> manifest = read(generation);
    if (manifest.isPresent()) {
      return manifest;
    }
    // The pointer named a generation collected since (it lagged): list from the start instead.
    OptionalLong listed = lastManifestAfter(0);
    return listed.isPresent() ? read(listed.getAsLong()) : Optional.empty();
  }

  Optional<Manifest> read(long generation) throws SnapshotException {
    Optional<SnapshotStore.Blob> blob = store.get(StoreLayout.manifestKey(generation));
    return blob.isPresent() ? Optional.of(ManifestCodec.readManifest(generation, blob.get().content()))
        : Optional.empty();
  }

  /** Publishes {@code manifest}: true if this call created its generation, false if someone else had. */
  boolean create(Manifest manifest) throws SnapshotStoreException {
    return store.createIfAbsent(StoreLayout.manifestKey(manifest.generation()), ManifestCodec.write(manifest));
  }

  /**
   * Moves the pointer forward to {@code generation}, never back: compare-and-swap on the pointer's version tag,
   * retried while other writers move it, abandoned once it points at this generation or a later one.
   */
  void advancePointer(long generation) throws SnapshotStoreException {
    byte[] content = ManifestCodec.write(new ManifestCodec.Pointer(generation));
    for (int attempt = 0; attempt < POINTER_ATTEMPTS; attempt++) {
      Optional<SnapshotStore.Blob> current = store.get(StoreLayout.POINTER);
      if (current.isEmpty()) {
        if (store.createIfAbsent(StoreLayout.POINTER, content)) {
          return;
        }
      } else if (ManifestCodec.readPointer(current.get().content()) >= generation) {
        return;
      } else if (store.replaceIfMatch(StoreLayout.POINTER, content, current.get().etag())) {
        return;
      }
    }
    LOG.atWarn().addKeyValue("generation", generation)
        .log("the pointer kept changing under this writer; readers will find the generation by listing");
  }

  /** The last generation whose manifest sorts after {@code generation}'s, if any. */
  private OptionalLong lastManifestAfter(long generation) throws SnapshotStoreException {
    String after = generation == 0 ? null : StoreLayout.manifestKey(generation);
    List<SnapshotStore.ObjectInfo> later = store.list(StoreLayout.MANIFESTS, after);
    OptionalLong last = OptionalLong.empty();
    for (SnapshotStore.ObjectInfo object : later) {
      OptionalLong g = StoreLayout.generationOf(object.key());
      if (g.isPresent()) {
        last = g;
      }
    }
    return last;
  }
}
