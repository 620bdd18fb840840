package dev.tonearm.server.dev;

import dev.tonearm.indexer.writer.CommitListener;
import dev.tonearm.snapshots.GenerationCollector;
import dev.tonearm.snapshots.GenerationPublisher;
import dev.tonearm.snapshots.Manifest;
import dev.tonearm.snapshots.SnapshotStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.lucene.index.IndexCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded writer's commits, published as index generations to the local store, exactly as the stream
 * Lambda publishes them in AWS; old generations are collected now and then. The commit the writer restored is
 * not published again.
 */
final class GenerationPublishing implements CommitListener {
  private static final Logger LOG = LoggerFactory.getLogger(GenerationPublishing.class);
  private static final Duration COLLECT_EVERY = Duration.ofMinutes(1);

  private final GenerationPublisher publisher;
  private final GenerationCollector collector;
  private final int keep;
  private final Duration grace;
  private final Clock clock;
  private Manifest last;
  private Instant collectedAt = Instant.EPOCH;

  GenerationPublishing(SnapshotStore store, Optional<Manifest> restored, int keep, Duration grace, Clock clock) {
    this.publisher = new GenerationPublisher(store, restored, clock);
    this.collector = new GenerationCollector(store);
    this.keep = keep;
    this.grace = grace;
    this.clock = clock;
    this.last = restored.orElse(null);
  }

  @Override
  public void committed(IndexCommit commit, String lineage) throws IOException {
    if (last != null && last.lineage().equals(lineage) && last.segmentsFile().equals(commit.getSegmentsFileName())) {
      return; // the generation this writer started from
    }
    last = publisher.publish(commit, lineage);
    collectIfDue();
  }

  private void collectIfDue() {
    Instant now = clock.instant();
    if (Duration.between(collectedAt, now).compareTo(COLLECT_EVERY) < 0) {
      return;
    }
    collectedAt = now;
    try {
      GenerationCollector.Collected collected = collector.collect(keep, grace, now);
      if (!collected.generations().isEmpty()) {
        LOG.atInfo().addKeyValue("generations", collected.generations().size())
            .addKeyValue("files", collected.files()).log("old index generations collected");
      }
    } catch (IOException e) {
      LOG.atWarn().setCause(e).log("collecting old index generations failed; will try again");
    }
  }
}
