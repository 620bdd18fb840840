package dev.tonearm.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every {@link SnapshotStore} must give publishing, restoring, syncing and collecting: one suite,
 * run against S3 (S3Mock) and a local directory by its subclasses.
 */
abstract class IndexGenerationsContract {
  static final String HALO = "Halo — Beyoncé";
  static final String ACE_OF_SPADES = "Ace of Spades — Motörhead";
  static final String HOPPIPOLLA = "Hoppípolla — Sigur Rós";
  static final String THUNDERSTRUCK = "Thunderstruck — AC/DC";
  static final String SO_WHAT = "So What — P!nk";
  static final String LET_IT_BE = "Let It Be — The Beatles";
  static final String FIRST_LOVE = "First Love — 宇多田ヒカル";

  @TempDir
  Path tmp;
  InstrumentedStore store;

  /** An empty store of the kind under test. */
  protected abstract SnapshotStore newStore() throws IOException;

  /** A store of the kind under test that cannot be reached. */
  protected abstract SnapshotStore unreachableStore() throws IOException;

  /** Whether concurrent conditional creates of one key are atomic in this store (see the S3 subclass). */
  protected abstract boolean conditionalWritesAreAtomic();

  @BeforeEach
  void emptyStore() throws IOException {
    store = new InstrumentedStore(newStore());
  }

  // ---- the store's own promises

  @Test
  void create_if_absent_refuses_an_existing_key() throws IOException {
    assertThat(store.createIfAbsent("manifests/a.json", bytes("first"))).isTrue();
    assertThat(store.createIfAbsent("manifests/a.json", bytes("second"))).isFalse();
    assertThat(text(store.get("manifests/a.json"))).isEqualTo("first");
  }

  @Test
  void replace_if_match_refuses_a_stale_version_tag_and_a_missing_key() throws IOException {
    store.createIfAbsent("latest.json", bytes("1"));
    String first = store.get("latest.json").orElseThrow().etag();
    assertThat(store.replaceIfMatch("latest.json", bytes("2"), first)).isTrue();
    assertThat(store.replaceIfMatch("latest.json", bytes("3"), first)).isFalse();
    assertThat(text(store.get("latest.json"))).isEqualTo("2");
    assertThat(store.replaceIfMatch("missing.json", bytes("4"), first)).isFalse();
    assertThat(store.get("missing.json")).isEmpty();
  }

  @Test
  void list_returns_the_keys_under_a_prefix_in_order_after_a_given_key() throws IOException {
    for (String key : List.of("manifests/3.json", "manifests/1.json", "manifests/2.json", "lineages/x/files/a")) {
      store.createIfAbsent(key, bytes(key));
    }
    assertThat(store.list("manifests/", null)).extracting(SnapshotStore.ObjectInfo::key)
        .containsExactly("manifests/1.json", "manifests/2.json", "manifests/3.json");
    assertThat(store.list("manifests/", "manifests/1.json")).extracting(SnapshotStore.ObjectInfo::key)
        .containsExactly("manifests/2.json", "manifests/3.json");
    assertThat(store.list("manifests/", null).getFirst().size()).isEqualTo("manifests/1.json".length());
    store.delete(List.of("manifests/1.json", "manifests/9.json"));
    assertThat(store.list("manifests/", null)).hasSize(2);
  }

  @Test
  void download_of_a_missing_key_reports_absence() throws IOException {
    assertThat(store.download("lineages/x/files/_0.cfs.00000000", tmp.resolve("f"))).isFalse();
  }

  @Test
  void concurrent_creators_of_one_key_have_exactly_one_winner() throws Exception {
    assumeTrue(conditionalWritesAreAtomic(), "this store's conditional writes are not atomic under concurrency");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 20; round++) {
        String key = "manifests/" + round + ".json";
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int writer = 0; writer < 8; writer++) {
          byte[] content = bytes("writer " + writer);
          attempts.add(pool.submit(() -> {
            go.await();
            return store.createIfAbsent(key, content);
          }));
        }
        go.countDown();
        int wins = 0;
        for (Future<Boolean> attempt : attempts) {
          wins += attempt.get() ? 1 : 0;
        }
        assertThat(wins).as("winners of round %d", round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- publishing

  @Test
  void publish_uploads_only_the_files_the_store_does_not_have_yet() throws IOException {
    try (TestWriter writer = TestWriter.restore(store, tmp.resolve("writer"))) {
      for (int i = 0; i < 2000; i++) {
        writer.add(LET_IT_BE + " (take " + i + ")");
      }
      Manifest big = writer.publisher.publish(writer.commit(), writer.lineage);
      assertThat(store.uploads.get()).isEqualTo(big.files().size());
      long bigBytes = store.uploadedBytes.get();

      store.resetCounts();
      Manifest small = writer.publish(HALO);

      Set<String> added = names(small);
      added.removeAll(names(big));
      assertThat(store.uploads.get()).isEqualTo(added.size());
      assertThat(added).contains(small.segmentsFile()).hasSizeLessThan(small.files().size());
      assertThat(store.uploadedBytes.get()).isLessThan(bigBytes / 10);
      assertThat(small.generation()).isEqualTo(big.generation() + 1);
    }
  }

  @Test
  void restore_opens_exactly_the_committed_documents() throws IOException {
    Manifest published;
    try (TestWriter writer = TestWriter.restore(store, tmp.resolve("writer"))) {
      writer.add(HALO, ACE_OF_SPADES, FIRST_LOVE);
      IndexCommit commit = writer.commit("shard-7", "4200");
      writer.add(SO_WHAT); // written after the commit: never part of the generation
      writer.writer.flush();
      published = writer.publisher.publish(commit, writer.lineage);
    }
    assertThat(published.generation()).isEqualTo(1);
    assertThat(published.streamPosition()).containsEntry("shard-7", "4200");
    assertThat(published.segmentsFile()).isEqualTo("segments_1");

    try (ReplicaIndex replica = ReplicaIndex.open(store, tmp.resolve("replica"))) {
      assertThat(replica.manifest()).isEqualTo(published);
      assertThat(titles(replica)).containsExactlyInAnyOrder(HALO, ACE_OF_SPADES, FIRST_LOVE);
    }
  }

  @Test
  void restore_for_writing_continues_the_lineage_and_its_stream_position() throws IOException {
    Manifest first;
    try (TestWriter writer = TestWriter.restore(store, tmp.resolve("first-writer"))) {
      writer.add(THUNDERSTRUCK);
      first = writer.publisher.publish(writer.commit("shard-1", "17"), writer.lineage);
    }
    try (TestWriter next = TestWriter.restore(store, tmp.resolve("next-writer"))) {
      assertThat(next.lineage).isEqualTo(first.lineage());
      assertThat(DirectoryReader.listCommits(next.directory).getLast().getUserData())
          .containsEntry(Manifest.STREAM_PREFIX + "shard-1", "17");
      store.resetCounts();
      next.add(HOPPIPOLLA);
      Manifest second = next.publisher.publish(next.commit("shard-1", "18"), next.lineage);
      assertThat(second.generation()).isEqualTo(2);
      assertThat(second.lineage()).isEqualTo(first.lineage());
      assertThat(second.segmentsFile()).isEqualTo("segments_2");
      assertThat(store.uploads.get()).isLessThan(second.files().size());
    }
    try (ReplicaIndex replica = ReplicaIndex.open(store, tmp.resolve("replica"))) {
      assertThat(titles(replica)).containsExactlyInAnyOrder(THUNDERSTRUCK, HOPPIPOLLA);
    }
  }

  // ---- syncing

  @Test
  void sync_moves_a_replica_forward_and_the_old_searcher_works_until_released() throws IOException {
    try (TestWriter writer = TestWriter.restore(store, tmp.resolve("writer"))) {
      Manifest first = writer.publish(HALO, ACE_OF_SPADES);
      try (ReplicaIndex replica = ReplicaIndex.open(store, tmp.resolve("replica"))) {
        Manifest second = writer.publish(HOPPIPOLLA);
        IndexSearcher old = replica.searchers().acquire();
        try {
          store.resetCounts();
          assertThat(replica.sync()).isTrue();
          assertThat(replica.generation()).isEqualTo(second.generation());
          Set<String> added = names(second);
          added.removeAll(names(first));
          assertThat(store.downloads.get()).isEqualTo(added.size());

          assertThat(titles(old)).containsExactlyInAnyOrder(HALO, ACE_OF_SPADES);
          assertThat(titles(replica)).containsExactlyInAnyOrder(HALO, ACE_OF_SPADES, HOPPIPOLLA);
          assertThat(localFiles(tmp.resolve("replica"))).contains(first.segmentsFile(), second.segmentsFile());
        } finally {
          replica.searchers().release(old);
        }
        // The old commit's own files go once nobody holds it: the directory holds exactly the open generation.
        assertThat(localFiles(tmp.resolve("replica"))).isEqualTo(names(second));
      }
    }
  }

  @Test
  void sync_without_a_newer_generation_changes_nothing() throws IOException {
    try (TestWriter writer = TestWriter.restore(store, tmp.resolve("writer"))) {
      writer.publish(SO_WHAT);
    }
    try (ReplicaIndex replica = ReplicaIndex.open(store, tmp.resolve("replica"))) {
      IndexSearcher before = replica.searchers().acquire();
      try {
        assertThat(replica.sync()).isFalse();
        assertThat(replica.generation()).isEqualTo(1);
        IndexSearcher after = replica.searchers().acquire();
        assertThat(after).isSameAs(before);
        replica.searchers().release(after);
      } finally {
        replica.searchers().release(before);
      }
    }
  }

  // ---- racing and dying writers

  @Test
  void two_writers_racing_from_the_same_generation_exactly_one_wins() throws Exception {
    try (TestWriter writer = TestWriter.restore(store, tmp.resolve("writer"))) {
      writer.publish(HALO);
    }
    // Both restore generation 1; the loser is held at the moment it creates the manifest, past every check,
    // while the winner publishes all the way. Same file names, different bytes, in the same lineage.
    InstrumentedStore loserStore = new InstrumentedStore(store);
    try (TestWriter winner = TestWriter.restore(store, tmp.resolve("winner"));
        TestWriter loser = TestWriter.restore(loserStore, tmp.resolve("loser"))) {
      winner.add(ACE_OF_SPADES);
      loser.add(THUNDERSTRUCK);
      IndexCommit winnerCommit = winner.commit();
      IndexCommit loserCommit = loser.commit();
      loserStore.manifestReached = new CountDownLatch(1);
      loserStore.manifestReleased = new CountDownLatch(1);
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try {
        Future<Manifest> loserPublish = pool.submit(() -> loser.publisher.publish(loserCommit, loser.lineage));
        assertThat(loserStore.manifestReached.await(30, TimeUnit.SECONDS)).isTrue();
        Manifest won = winner.publisher.publish(winnerCommit, winner.lineage);
        loserStore.manifestReleased.countDown();

        assertThatThrownBy(loserPublish::get).hasCauseInstanceOf(GenerationConflictException.class)
            .cause().hasMessageContaining("newest generation is 2");
        assertThat(won.generation()).isEqualTo(2);
        assertThat(new GenerationRestorer(store).newest()).contains(won);
      } finally {
        pool.shutdownNow();
      }
    }
    assertEveryGenerationIsComplete();
    try (ReplicaIndex replica = ReplicaIndex.open(store, tmp.resolve("replica"))) {
      assertThat(titles(replica)).containsExactlyInAnyOrder(HALO, ACE_OF_SPADES);
    }
    // The loser restores the winner's generation and applies its change again.
    try (TestWriter retry = TestWriter.restore(store, tmp.resolve("loser"))) {
      assertThat(retry.publish(THUNDERSTRUCK).generation()).isEqualTo(3);
    }
    try (ReplicaIndex replica = ReplicaIndex.open(store, tmp.resolve("replica"))) {
      assertThat(titles(replica)).containsExactlyInAnyOrder(HALO, ACE_OF_SPADES, THUNDERSTRUCK);
    }
  }

  @Test
  void writers_publishing_at_the_same_instant_never_both_win() throws Exception {
    assumeTrue(conditionalWritesAreAtomic(), "this store's conditional writes are not atomic under concurrency");
    try (TestWriter writer = TestWriter.restore(store, tmp.resolve("writer"))) {
      writer.publish(HALO);
    }
    List<String> songs = List.of(ACE_OF_SPADES, HOPPIPOLLA, THUNDERSTRUCK, SO_WHAT);
    ExecutorService pool = Executors.newFixedThreadPool(songs.size());
    try {
      for (int round = 0; round < 5; round++) {
        List<TestWriter> writers = new ArrayList<>();
        for (int i = 0; i < songs.size(); i++) {
          writers.add(TestWriter.restore(store, tmp.resolve("round-" + round + "-writer-" + i)));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Manifest>> publishes = new ArrayList<>();
        for (int i = 0; i < songs.size(); i++) {
          TestWriter w = writers.get(i);
          w.add(songs.get(i) + " #" + round);
          IndexCommit commit = w.commit();
          publishes.add(pool.submit(() -> {
            go.await();
            return w.publisher.publish(commit, w.lineage);
          }));
        }
        go.countDown();
        List<Manifest> won = new ArrayList<>();
        for (Future<Manifest> publish : publishes) {
          try {
            won.add(publish.get());
          } catch (java.util.concurrent.ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(GenerationConflictException.class);
          }
        }
        assertThat(won).hasSize(1);
        assertThat(new GenerationRestorer(store).newest()).contains(won.getFirst());
        for (TestWriter w : writers) {
          w.close();
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertEveryGenerationIsComplete();
  }

  @Test
  void a_stale_writer_is_refused_before_it_uploads_anything() throws IOException {
    try (TestWriter writer = TestWriter.restore(store, tmp.resolve("writer"))) {
      writer.publish(HALO);
    }
    InstrumentedStore staleStore = new InstrumentedStore(store);
    try (TestWriter stale = TestWriter.restore(staleStore, tmp.resolve("stale"));
        TestWriter current = TestWriter.restore(store, tmp.resolve("current"))) {
      current.publish(SO_WHAT);
      staleStore.resetCounts();
      assertThatThrownBy(() -> stale.publish(LET_IT_BE)).isInstanceOf(GenerationConflictException.class);
      assertThat(staleStore.uploads.get()).isZero();
    }
  }

  @Test
  void a_writer_killed_before_its_manifest_leaves_nothing_visible_and_its_successor_reuses_the_names()
      throws IOException {
    try (TestWriter writer = TestWriter.restore(store, tmp.resolve("writer"))) {
      writer.publish(HALO, ACE_OF_SPADES);
    }
    GenerationPublisher.Uploaded orphans;
    try (TestWriter killed = TestWriter.restore(store, tmp.resolve("killed"))) {
      killed.add(FIRST_LOVE);
      orphans = killed.publisher.upload(killed.commit(), killed.lineage); // then the process dies
    }
    assertThat(new GenerationRestorer(store).newest().orElseThrow().generation()).isEqualTo(1);

    Manifest next;
    try (TestWriter successor = TestWriter.restore(store, tmp.resolve("successor"))) {
      next = successor.publish(HOPPIPOLLA);
    }
    assertThat(next.generation()).isEqualTo(2);
    // Same Lucene names as the dead writer's objects, different bytes, so different keys.
    for (Manifest.IndexFile orphan : orphans.files()) {
      next.file(orphan.name()).filter(f -> f.checksum() != orphan.checksum())
          .ifPresent(f -> assertThat(f.key()).isNotEqualTo(orphan.key()));
    }
    assertThat(next.file("_1.cfs")).isPresent();
    assertThat(orphans.files()).anySatisfy(f -> assertThat(f.name()).isEqualTo("_1.cfs"));
    try (ReplicaIndex replica = ReplicaIndex.open(store, tmp.resolve("replica"))) {
      assertThat(titles(replica)).containsExactlyInAnyOrder(HALO, ACE_OF_SPADES, HOPPIPOLLA);
    }
    assertEveryGenerationIsComplete();
  }

  @Test
  void a_publish_whose_answer_was_lost_is_recognised_as_the_writers_own() throws IOException {
    try (TestWriter writer = TestWriter.restore(store, tmp.resolve("writer"))) {
      writer.publish(HALO);
      store.loseNextCreateAnswer = true;
      assertThatThrownBy(() -> writer.publish(ACE_OF_SPADES)).isInstanceOf(SnapshotStoreException.class);
      assertThat(new GenerationRestorer(store).newest().orElseThrow().generation()).isEqualTo(2);

      Manifest third = writer.publish(LET_IT_BE);
      assertThat(third.generation()).isEqualTo(3);
    }
    try (ReplicaIndex replica = ReplicaIndex.open(store, tmp.resolve("replica"))) {
      assertThat(titles(replica)).containsExactlyInAnyOrder(HALO, ACE_OF_SPADES, LET_IT_BE);
    }
  }

  @Test
  void a_generation_whose_pointer_write_was_lost_is_still_found() throws IOException {
    try (TestWriter writer = TestWriter.restore(store, tmp.resolve("writer"))) {
      writer.publish(HALO);
      try (ReplicaIndex replica = ReplicaIndex.open(store, tmp.resolve("replica"))) {
        writer.add(SO_WHAT);
        IndexCommit commit = writer.commit();
        GenerationPublisher.Uploaded uploaded = writer.publisher.upload(commit, writer.lineage);
        Manifest second = new Manifest(Manifest.FORMAT, 2, writer.lineage, commit.getSegmentsFileName(),
            uploaded.files(), java.util.Map.of(), Instant.now());
        assertThat(new Generations(store).create(second)).isTrue(); // and the writer dies before the pointer

        assertThat(ManifestCodec.readPointer(store.get(StoreLayout.POINTER).orElseThrow().content())).isEqualTo(1);
        assertThat(replica.sync()).isTrue();
        assertThat(titles(replica)).containsExactlyInAnyOrder(HALO, SO_WHAT);
      }
    }
    try (TestWriter next = TestWriter.restore(store, tmp.resolve("next"))) {
      assertThat(next.publish(LET_IT_BE).generation()).isEqualTo(3);
    }
    assertThat(ManifestCodec.readPointer(store.get(StoreLayout.POINTER).orElseThrow().content())).isEqualTo(3);
  }

  // ---- failures

  @Test
  void a_corrupted_object_keeps_the_replica_on_its_generation() throws IOException {
    try (TestWriter writer = TestWriter.restore(store, tmp.resolve("writer"))) {
      Manifest first = writer.publish(HALO, ACE_OF_SPADES);
      try (ReplicaIndex replica = ReplicaIndex.open(store, tmp.resolve("replica"))) {
        Manifest second = writer.publish(HOPPIPOLLA, FIRST_LOVE);
        Manifest.IndexFile victim = second.file("_1.cfs").orElseThrow();
        byte[] garbage = new byte[(int) victim.length()];
        new Random(7).nextBytes(garbage);
        overwrite(victim.key(), garbage);

        assertThatThrownBy(replica::sync).isInstanceOf(CorruptGenerationException.class)
            .hasMessageContaining("generation 2").hasMessageContaining("_1.cfs");
        assertThat(replica.generation()).isEqualTo(1);
        assertThat(titles(replica)).containsExactlyInAnyOrder(HALO, ACE_OF_SPADES);
        assertThat(localFiles(tmp.resolve("replica"))).isEqualTo(names(first));
        try (Stream<Path> entries = Files.list(tmp.resolve("replica"))) {
          assertThat(entries).hasSize(1); // no staging directory left behind
        }

        store.resetCounts();
        assertThat(replica.sync()).isFalse(); // the refused generation is not downloaded again
        assertThat(store.downloads.get()).isZero();
        writer.add(LET_IT_BE);
        Manifest third = writer.publisher.publish(writer.commit(), writer.lineage);
        assertThatThrownBy(replica::sync).isInstanceOf(CorruptGenerationException.class)
            .hasMessageContaining("generation 3"); // a newer one is tried, and still references the bad object
        assertThat(third.file("_1.cfs")).contains(victim);
        assertThat(replica.generation()).isEqualTo(1);
      }
    }
  }

  @Test
  void a_rebuild_moves_the_replica_to_its_new_lineage_in_a_fresh_directory() throws IOException {
    Manifest old;
    try (TestWriter writer = TestWriter.restore(store, tmp.resolve("writer"))) {
      writer.publish(HALO, ACE_OF_SPADES);
      old = writer.publish(SO_WHAT);
    }
    try (ReplicaIndex replica = ReplicaIndex.open(store, tmp.resolve("replica"))) {
      IndexSearcher held = replica.searchers().acquire();
      Manifest rebuilt;
      try {
        try (TestWriter rebuild = TestWriter.rebuild(store, tmp.resolve("rebuild"), Optional.of(old))) {
          rebuilt = rebuild.publish(HALO, LET_IT_BE);
        }
        assertThat(rebuilt.lineage()).isNotEqualTo(old.lineage());
        assertThat(rebuilt.generation()).isEqualTo(old.generation() + 1);
        assertThat(rebuilt.segmentsFile()).isEqualTo("segments_1"); // names start over in a new lineage

        assertThat(replica.sync()).isTrue();
        assertThat(titles(replica)).containsExactlyInAnyOrder(HALO, LET_IT_BE);
        assertThat(titles(held)).containsExactlyInAnyOrder(HALO, ACE_OF_SPADES, SO_WHAT);
        assertThat(replicaDirs(tmp.resolve("replica"))).hasSize(2);
      } finally {
        replica.searchers().release(held);
      }
      assertThat(replicaDirs(tmp.resolve("replica"))).singleElement()
          .satisfies(dir -> assertThat(dir.getFileName().toString()).endsWith(rebuilt.lineage()));
      assertThat(localFiles(tmp.resolve("replica"))).isEqualTo(names(rebuilt));
    }
  }

  @Test
  void an_unreachable_store_fails_with_a_clear_exception() throws IOException {
    SnapshotStore unreachable = unreachableStore();
    assertThatThrownBy(() -> new GenerationRestorer(unreachable).newest())
        .isInstanceOf(SnapshotStoreException.class).hasMessageContaining("latest.json");
    assertThatThrownBy(() -> ReplicaIndex.open(unreachable, tmp.resolve("replica")))
        .isInstanceOf(SnapshotStoreException.class);
    assertThatThrownBy(() -> new GenerationCollector(unreachable).collect(3, Duration.ZERO, Instant.now()))
        .isInstanceOf(SnapshotStoreException.class);
    try (TestWriter writer = TestWriter.rebuild(store, tmp.resolve("writer"), Optional.empty())) {
      writer.add(HALO);
      IndexCommit commit = writer.commit();
      GenerationPublisher offline = new GenerationPublisher(unreachable, Optional.empty());
      assertThatThrownBy(() -> offline.publish(commit, writer.lineage)).isInstanceOf(SnapshotStoreException.class);
    }
  }

  @Test
  void a_replica_of_an_empty_store_fails_clearly() {
    assertThatThrownBy(() -> ReplicaIndex.open(store, tmp.resolve("replica")))
        .isInstanceOf(NoGenerationException.class).hasMessageContaining("no index generation");
  }

  @Test
  void a_restore_cut_off_by_the_store_can_be_repeated_and_reuses_verified_files() throws IOException {
    Manifest published;
    try (TestWriter writer = TestWriter.restore(store, tmp.resolve("writer"))) {
      writer.publish(HALO);
      writer.publish(ACE_OF_SPADES);
      published = writer.publish(HOPPIPOLLA);
    }
    int files = published.files().size();
    store.downloadsBeforeFailure = 2;
    assertThatThrownBy(() -> ReplicaIndex.open(store, tmp.resolve("replica")))
        .isInstanceOf(SnapshotStoreException.class);
    store.downloadsBeforeFailure = -1;
    store.resetCounts();
    try (ReplicaIndex replica = ReplicaIndex.open(store, tmp.resolve("replica"))) {
      assertThat(store.downloads.get()).isEqualTo(files); // a failed restore moves nothing in: all again
      assertThat(titles(replica)).containsExactlyInAnyOrder(HALO, ACE_OF_SPADES, HOPPIPOLLA);
    }
    // A restart reuses what verifies and fetches again what was lost or damaged.
    Path dir = replicaDirs(tmp.resolve("replica")).getFirst();
    Files.delete(dir.resolve("_0.cfs"));
    Files.write(dir.resolve("_1.cfs"), bytes("not a compound file"));
    store.resetCounts();
    try (ReplicaIndex replica = ReplicaIndex.open(store, tmp.resolve("replica"))) {
      assertThat(store.downloads.get()).isEqualTo(2);
      assertThat(titles(replica)).containsExactlyInAnyOrder(HALO, ACE_OF_SPADES, HOPPIPOLLA);
    }
  }

  @Test
  void polling_keeps_serving_through_store_failures_and_then_moves_forward() throws Exception {
    try (TestWriter writer = TestWriter.restore(store, tmp.resolve("writer"))) {
      writer.publish(HALO);
      try (ReplicaIndex replica = ReplicaIndex.open(store, tmp.resolve("replica"))) {
        replica.startPolling(Duration.ofMillis(20));
        store.down = true;
        Thread.sleep(200);
        assertThat(titles(replica)).containsExactly(HALO);
        store.down = false;
        writer.publish(FIRST_LOVE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (replica.generation() < 2 && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(titles(replica)).containsExactlyInAnyOrder(HALO, FIRST_LOVE);
      }
    }
  }

  // ---- collecting

  @Test
  void collect_keeps_the_newest_generations_and_respects_the_grace_period() throws IOException {
    Manifest last;
    Instant began = Instant.now();
    try (TestWriter writer = TestWriter.restore(store, tmp.resolve("writer"))) {
      writer.publish(HALO);
      writer.publish(ACE_OF_SPADES);
      Manifest old = writer.publish(HOPPIPOLLA);
      try (TestWriter rebuild = TestWriter.rebuild(store, tmp.resolve("rebuild"), Optional.of(old))) {
        rebuild.publish(THUNDERSTRUCK);
        last = rebuild.publish(SO_WHAT);
        rebuild.add(FIRST_LOVE);
        rebuild.publisher.upload(rebuild.commit(), rebuild.lineage); // a writer that died before its manifest
      }
    }
    GenerationCollector collector = new GenerationCollector(store);
    Duration grace = Duration.ofHours(2);

    GenerationCollector.Collected early = collector.collect(2, grace, began.plus(Duration.ofHours(1)));
    assertThat(early.generations()).isEmpty();
    assertThat(early.files()).isZero();

    GenerationCollector.Collected late = collector.collect(2, grace, began.plus(Duration.ofHours(3)));
    assertThat(late.generations()).containsExactly(1L, 2L, 3L);
    assertThat(store.list(StoreLayout.MANIFESTS, null)).extracting(o -> StoreLayout.generationOf(o.key()).orElseThrow())
        .containsExactly(4L, 5L);
    Set<String> referenced = new HashSet<>();
    for (long g : List.of(4L, 5L)) {
      new Generations(store).read(g).orElseThrow().files().forEach(f -> referenced.add(f.key()));
    }
    assertThat(store.list(StoreLayout.LINEAGES, null)).extracting(SnapshotStore.ObjectInfo::key)
        .containsExactlyInAnyOrderElementsOf(referenced);
    assertThat(late.files()).isPositive();
    try (ReplicaIndex replica = ReplicaIndex.open(store, tmp.resolve("replica"))) {
      assertThat(replica.manifest()).isEqualTo(last);
      assertThat(titles(replica)).containsExactlyInAnyOrder(THUNDERSTRUCK, SO_WHAT);
    }
    assertThatThrownBy(() -> collector.collect(0, grace, Instant.now())).isInstanceOf(IllegalArgumentException.class);
  }

  // ---- helpers

  /** Every manifest in the store restores and opens: no generation is ever torn. */
  void assertEveryGenerationIsComplete() throws IOException {
    Generations generations = new Generations(store);
    for (SnapshotStore.ObjectInfo object : store.list(StoreLayout.MANIFESTS, null)) {
      long g = StoreLayout.generationOf(object.key()).orElseThrow();
      Manifest m = generations.read(g).orElseThrow();
      Path dir = tmp.resolve("check-" + g + "-" + System.nanoTime());
      new GenerationRestorer(store).restore(m, dir);
      try (FSDirectory directory = FSDirectory.open(dir);
          DirectoryReader reader = DirectoryReader.open(new LocalCommit(directory, m.segmentsFile()))) {
        assertThat(reader.numDocs()).as("documents of generation %d", g).isPositive();
      }
    }
  }

  void overwrite(String key, byte[] content) throws IOException {
    Path file = tmp.resolve("overwrite-" + System.nanoTime());
    Files.write(file, content);
    store.put(key, file);
  }

  static Set<String> titles(ReplicaIndex replica) throws IOException {
    IndexSearcher searcher = replica.searchers().acquire();
    try {
      return titles(searcher);
    } finally {
      replica.searchers().release(searcher);
    }
  }

  static Set<String> titles(IndexSearcher searcher) throws IOException {
    Set<String> titles = new TreeSet<>();
    StoredFields stored = searcher.getIndexReader().storedFields();
    for (int doc = 0; doc < searcher.getIndexReader().maxDoc(); doc++) {
      titles.add(stored.document(doc).get(TestWriter.TITLE));
    }
    return titles;
  }

  static Set<String> names(Manifest manifest) {
    return manifest.files().stream().map(Manifest.IndexFile::name).collect(Collectors.toCollection(TreeSet::new));
  }

  /** The index files under a replica's local root (it has exactly one directory when called). */
  static Set<String> localFiles(Path localRoot) throws IOException {
    Set<String> files = new TreeSet<>();
    for (Path dir : replicaDirs(localRoot)) {
      try (Stream<Path> list = Files.list(dir)) {
        list.forEach(p -> files.add(p.getFileName().toString()));
      }
    }
    return files;
  }

  static List<Path> replicaDirs(Path localRoot) throws IOException {
    try (Stream<Path> list = Files.list(localRoot)) {
      return list.filter(Files::isDirectory).sorted().toList();
    }
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String text(Optional<SnapshotStore.Blob> blob) {
    return new String(blob.orElseThrow().content(), StandardCharsets.UTF_8);
  }
}
