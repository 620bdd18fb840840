package dev.tonearm.snapshots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read replica of the published index: restores the newest generation into a directory under its local root,
 * then {@link #sync()} moves it to newer ones. A newer generation of the same lineage downloads only the files it
 * adds into the same directory; a new lineage (a rebuild, whose file names start again at {@code _0}) goes into a
 * fresh directory. Either way the searchers swap atomically: requests holding the old searcher keep it until they
 * release it, and the old generation's files are deleted once no reader holds them (Lucene's own file deleter
 * never runs on a directory nobody writes).
 *
 * <p>A sync that fails (store unreachable, a file failing its checksum) changes nothing the searchers see and
 * leaves no partial download behind; the next sync starts over. The local root belongs to the replica: it reuses
 * verified files from an earlier run and deletes its other directories there.
 */
public final class ReplicaIndex implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicaIndex.class);
  private static final Pattern DIR_NAME = Pattern.compile("g(\\d+)-(.+?)(\\.staging)?");

  private final SnapshotStore store;
  private final Generations generations;
  private final Path localRoot;
  private final SearcherFactory factory;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<IndexReader.CacheKey, Held> held = new ConcurrentHashMap<>();
  private final List<LocalDir> dirs = new ArrayList<>(); // guarded by lock
  private volatile Manifest current;
  private LocalDir currentDir; // guarded by lock
  private int failedPolls;
  private long refused; // guarded by lock: the newest generation found corrupt, not tried again
  private ReplicaSearchers searchers;
  private volatile boolean cleanupPending;
  private volatile boolean closed;
  private ScheduledExecutorService poller;

  /** A local directory holding one lineage's files. */
  private record LocalDir(Path path, FSDirectory directory) {}

  /** The files an open reader's commit uses. */
  private record Held(Directory directory, Set<String> files) {}

  private ReplicaIndex(SnapshotStore store, Path localRoot, SearcherFactory factory) {
    this.store = store;
    this.generations = new Generations(store);
    this.localRoot = localRoot.toAbsolutePath().normalize();
    this.factory = factory;
  }

  /** Restores the newest generation under {@code localRoot} and opens it. */
  public static ReplicaIndex open(SnapshotStore store, Path localRoot) throws IOException {
    return open(store, localRoot, new SearcherFactory());
  }

  public static ReplicaIndex open(SnapshotStore store, Path localRoot, SearcherFactory factory) throws IOException {
    ReplicaIndex replica = new ReplicaIndex(store, localRoot, factory);
    Manifest newest = replica.generations.newest()
        .orElseThrow(() -> new NoGenerationException("the store " + store + " holds no index generation yet"));
    replica.start(newest);
    return replica;
  }

  /** Acquire and release searchers here, as from a {@code SearcherManager}. */
  public ReferenceManager<IndexSearcher> searchers() {
    return searchers;
  }

  /** The generation searchers see now. */
  public Manifest manifest() {
    return current;
  }

  public long generation() {
    return current.generation();
  }

  /**
   * Moves to the newest generation if there is a newer one; true if it did. A generation refused as corrupt is not
   * downloaded again: the replica waits for a newer one (the writer publishes every few seconds), while a store
   * failure is retried by the next call.
   */
  public boolean sync() throws IOException {
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("this replica is closed");
      }
      Optional<Manifest> newest = generations.newest();
      if (newest.isEmpty() || newest.get().generation() <= Math.max(current.generation(), refused)) {
        return false;
      }
      try {
        moveTo(newest.get());
      } catch (CorruptGenerationException e) {
        refused = newest.get().generation();
        throw e;
      }
      return true;
    } finally {
      unlockAndClean();
    }
  }

  /**
   * Syncs every {@code interval} on a background thread until {@link #close()}. A failed sync is logged and the
   * replica keeps serving the generation it has.
   */
  public synchronized void startPolling(Duration interval) {
    if (poller != null) {
      throw new IllegalStateException("already polling");
    }
    poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("index-sync").factory());
    poller.scheduleWithFixedDelay(this::syncQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One poll: failures are logged (the first, then every 60th while they last) and the replica carries on. */
  private void syncQuietly() {
    try {
      sync();
      if (failedPolls > 0) {
        LOG.atInfo().addKeyValue("failedPolls", failedPolls).addKeyValue("generation", current.generation())
            .log("index sync recovered");
        failedPolls = 0;
      }
    } catch (Exception e) {
      failedPolls++;
      if (failedPolls == 1 || failedPolls % 60 == 0) {
        LOG.atWarn().setCause(e).addKeyValue("failedPolls", failedPolls)
            .addKeyValue("generation", current.generation())
            .log("index sync failed; still serving the current generation");
      }
    }
  }

  private void start(Manifest manifest) throws IOException {
    lock.lock();
    try {
      Files.createDirectories(localRoot);
      Path path = reusableDir(manifest.lineage()).orElse(localRoot.resolve(dirName(manifest)));
      removeOtherDirs(path);
      LocalDir dir = openDir(path);
      LocalCopy.Fetched fetched = LocalCopy.fetch(store, manifest, path, Set.of());
      current = manifest;
      currentDir = dir;
      searchers = new ReplicaSearchers(commit(dir, manifest), factory, this::track);
      log("index generation restored", manifest, fetched);
    } catch (IOException | RuntimeException e) {
      closeDirs();
      throw e;
    } finally {
      unlockAndClean();
    }
  }

  private void moveTo(Manifest next) throws IOException {
    Set<String> trusted = sameFiles(current, next);
    boolean sameDir = next.lineage().equals(current.lineage()) && !replacesHeldFiles(next, trusted);
    LocalDir target = sameDir ? currentDir : openDir(localRoot.resolve(dirName(next)));
    LocalCopy.Fetched fetched = LocalCopy.fetch(store, next, target.path(), sameDir ? trusted : Set.of());
    // No cleanup runs until the lock is released (a reader closed by the swap only marks one as pending), so the
    // new files are safe until current names them.
    searchers.install(commit(target, next));
    current = next;
    currentDir = target;
    log("index generation synced", next, fetched);
  }

  /** Names both generations have with the same bytes: already verified here. */
  private static Set<String> sameFiles(Manifest a, Manifest b) {
    Set<String> same = new HashSet<>();
    for (Manifest.IndexFile f : b.files()) {
      a.file(f.name()).filter(f::equals).ifPresent(x -> same.add(f.name()));
    }
    return same;
  }

  /** True if the new generation would overwrite a file an open reader or the current commit uses. */
  private boolean replacesHeldFiles(Manifest next, Set<String> trusted) {
    Set<String> inUse = new HashSet<>(filesInUse().getOrDefault(currentDir.directory(), Set.of()));
    return next.files().stream().anyMatch(f -> !trusted.contains(f.name()) && inUse.contains(f.name()));
  }

  private static IndexCommit commit(LocalDir dir, Manifest manifest) throws IOException {
    return new LocalCommit(dir.directory(), manifest.segmentsFile());
  }

  private void track(DirectoryReader reader) throws IOException {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    held.put(helper.getKey(), new Held(reader.directory(), Set.copyOf(reader.getIndexCommit().getFileNames())));
    helper.addClosedListener(key -> {
      held.remove(key);
      afterReaderClosed();
    });
  }

  /** Runs on the thread releasing the last reference: cleans now unless a sync is running, which cleans after. */
  private void afterReaderClosed() {
    cleanupPending = true;
    if (!lock.isHeldByCurrentThread() && lock.tryLock()) {
      unlockAndClean();
    }
  }

  /** Unlocks after deleting what no reader holds; again if a reader closed meanwhile and the lock is free. */
  private void unlockAndClean() {
    while (true) {
      cleanupPending = false;
      if (!closed) {
        deleteUnusedFiles();
      }
      lock.unlock();
      if (!cleanupPending || !lock.tryLock()) {
        return;
      }
    }
  }

  private Map<Directory, Set<String>> filesInUse() {
    Map<Directory, Set<String>> inUse = new HashMap<>();
    for (Held h : held.values()) {
      inUse.computeIfAbsent(h.directory(), d -> new HashSet<>()).addAll(h.files());
    }
    if (currentDir != null && current != null) {
      Set<String> names = inUse.computeIfAbsent(currentDir.directory(), d -> new HashSet<>());
      current.files().forEach(f -> names.add(f.name()));
    }
    return inUse;
  }

  /** Deletes every local file no open reader and not the current generation uses, and directories left empty. */
  private void deleteUnusedFiles() {
    Map<Directory, Set<String>> inUse = filesInUse();
    for (Iterator<LocalDir> it = dirs.iterator(); it.hasNext(); ) {
      LocalDir dir = it.next();
      Set<String> keep = inUse.getOrDefault(dir.directory(), Set.of());
      try {
        if (dir != currentDir && keep.isEmpty()) {
          dir.directory().close();
          LocalCopy.deleteTree(dir.path());
          LocalCopy.deleteTree(LocalCopy.stagingFor(dir.path()));
          it.remove();
        } else {
          deleteFilesOtherThan(dir.path(), keep);
        }
      } catch (IOException e) {
        LOG.atWarn().setCause(e).addKeyValue("dir", dir.path()).log("could not delete unused index files");
      }
    }
  }

  private static void deleteFilesOtherThan(Path dir, Set<String> keep) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(Files::isRegularFile).toList();
    }
    for (Path file : files) {
      if (!keep.contains(file.getFileName().toString())) {
        Files.deleteIfExists(file);
      }
    }
  }

  private LocalDir openDir(Path path) throws IOException {
    for (LocalDir dir : dirs) {
      if (dir.path().equals(path)) {
        return dir;
      }
    }
    Files.createDirectories(path);
    LocalDir dir = new LocalDir(path, FSDirectory.open(path));
    dirs.add(dir);
    return dir;
  }

  private static String dirName(Manifest manifest) {
    return "g" + manifest.generation() + "-" + manifest.lineage();
  }

  /** A directory of this lineage left by an earlier run: its files are reused where they verify. */
  private Optional<Path> reusableDir(String lineage) throws IOException {
    try (Stream<Path> list = Files.list(localRoot)) {
      return list.filter(Files::isDirectory).filter(p -> {
        var m = DIR_NAME.matcher(p.getFileName().toString());
        return m.matches() && m.group(3) == null && m.group(2).equals(lineage);
      }).max((a, b) -> Long.compare(generationOf(a), generationOf(b)));
    }
  }

  private void removeOtherDirs(Path keep) throws IOException {
    List<Path> ours;
    try (Stream<Path> list = Files.list(localRoot)) {
      ours = list.filter(p -> DIR_NAME.matcher(p.getFileName().toString()).matches() && !p.equals(keep)).toList();
    }
    for (Path p : ours) {
      LocalCopy.deleteTree(p);
    }
  }

  private static long generationOf(Path dir) {
    var m = DIR_NAME.matcher(dir.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  private void log(String message, Manifest manifest, LocalCopy.Fetched fetched) {
    LOG.atInfo().addKeyValue("generation", manifest.generation()).addKeyValue("lineage", manifest.lineage())
        .addKeyValue("downloadedFiles", fetched.files()).addKeyValue("downloadedBytes", fetched.bytes())
        .log(message);
  }

  private void closeDirs() {
    for (LocalDir dir : dirs) {
      try {
        dir.directory().close();
      } catch (IOException e) {
        LOG.atWarn().setCause(e).addKeyValue("dir", dir.path()).log("could not close a local index directory");
      }
    }
    dirs.clear();
  }

  /**
   * Stops polling and releases the manager's searcher; requests still holding one keep it usable. Local files
   * stay for the next start to reuse.
   */
  @Override
  public void close() throws IOException {
    ScheduledExecutorService stopping;
    synchronized (this) {
      stopping = poller;
    }
    if (stopping != null) {
      // No interrupt: an interrupt inside file I/O closes Lucene's channels. A running sync finishes first.
      stopping.shutdown();
      try {
        stopping.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    lock.lock();
    try {
      closed = true;
      if (searchers != null) {
        searchers.close();
      }
      closeDirs();
    } finally {
      lock.unlock();
    }
  }
}
