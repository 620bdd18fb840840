package dev.tonearm.snapshots;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes generations nobody should need any more, and then the objects no remaining generation references.
 *
 * <p>A generation is kept while it is among the newest {@code keep}, or while the generation that superseded it
 * is younger than the grace period: a replica may have started downloading it just before it was superseded. An
 * unreferenced object is deleted only when it is older than the grace period too, because a writer uploads its
 * files before it creates the manifest that references them. The grace period must therefore exceed the longest
 * download and the longest publish; running the collector from the writer right after it publishes removes the
 * second concern. Times are the store's own (object modification times), compared with {@code now}.
 */
public final class GenerationCollector {
  private static final Logger LOG = LoggerFactory.getLogger(GenerationCollector.class);

  private final SnapshotStore store;
  private final Generations generations;

  public GenerationCollector(SnapshotStore store) {
    this.store = store;
    this.generations = new Generations(store);
  }

  /** What one collection deleted. */
  public record Collected(List<Long> generations, int files) {}

  public Collected collect(int keep, Duration grace, Instant now) throws SnapshotException {
    if (keep < 1) {
      throw new IllegalArgumentException("keep at least the newest generation, not " + keep);
    }
    Instant cutoff = now.minus(grace);
    List<SnapshotStore.ObjectInfo> manifests = manifestsNewestFirst();
    List<Long> retired = new ArrayList<>();
    Set<String> referenced = new HashSet<>();
    for (int i = 0; i < manifests.size(); i++) {
      long generation = StoreLayout.generationOf(manifests.get(i).key()).orElseThrow();
      boolean kept = i < keep || manifests.get(i - 1).lastModified().isAfter(cutoff);
      if (kept) {
        Optional<Manifest> manifest = generations.read(generation);
        manifest.ifPresent(m -> m.files().forEach(f -> referenced.add(f.key())));
      } else {
        retired.add(generation);
      }
    }
    // Manifests first: a file is only unreferenced once no manifest that names it can still be read.
    store.delete(retired.stream().map(StoreLayout::manifestKey).toList());
    List<String> garbage = store.list(StoreLayout.LINEAGES, null).stream()
        .filter(o -> !referenced.contains(o.key()) && o.lastModified().isBefore(cutoff))
        .map(SnapshotStore.ObjectInfo::key).toList();
    store.delete(garbage);
    LOG.atInfo().addKeyValue("generationsDeleted", retired.size()).addKeyValue("filesDeleted", garbage.size())
        .addKeyValue("generationsKept", manifests.size() - retired.size()).log("index generations collected");
    return new Collected(retired.reversed(), garbage.size());
  }

  private List<SnapshotStore.ObjectInfo> manifestsNewestFirst() throws SnapshotStoreException {
    List<SnapshotStore.ObjectInfo> manifests = new ArrayList<>();
    for (SnapshotStore.ObjectInfo o : store.list(StoreLayout.MANIFESTS, null)) {
      OptionalLong g = StoreLayout.generationOf(o.key());
      if (g.isPresent()) {
        manifests.add(o);
      }
    }
    return manifests.reversed(); // keys sort by generation
  }
}
