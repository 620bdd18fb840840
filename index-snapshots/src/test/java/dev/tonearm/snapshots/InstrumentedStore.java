package dev.tonearm.snapshots;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A store decorator for tests: counts uploads and downloads, can be taken down, can fail after a number of
 * downloads, can lose the answer to a create that succeeded, and can hold a manifest creation until released (to
 * stage a race at the exact moment it is won).
 */
final class InstrumentedStore implements SnapshotStore {
  private final SnapshotStore delegate;
  final AtomicInteger uploads = new AtomicInteger();
  final AtomicLong uploadedBytes = new AtomicLong();
  final AtomicInteger downloads = new AtomicInteger();
  volatile boolean down;
  volatile int downloadsBeforeFailure = -1;
  volatile boolean loseNextCreateAnswer;
  volatile CountDownLatch manifestReached;
  volatile CountDownLatch manifestReleased;

  InstrumentedStore(SnapshotStore delegate) {
    this.delegate = delegate;
  }

  void resetCounts() {
    uploads.set(0);
    uploadedBytes.set(0);
    downloads.set(0);
  }

  private void check(String key) throws SnapshotStoreException {
    if (down) {
      throw new SnapshotStoreException("test store is down: " + key, null);
    }
  }

  @Override
  public void put(String key, Path file) throws SnapshotStoreException {
    check(key);
    delegate.put(key, file);
    uploads.incrementAndGet();
    try {
      uploadedBytes.addAndGet(Files.size(file));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public boolean download(String key, Path target) throws SnapshotStoreException {
    check(key);
    if (downloadsBeforeFailure == 0) {
      throw new SnapshotStoreException("test store failed mid-restore: " + key, null);
    }
    if (downloadsBeforeFailure > 0) {
      downloadsBeforeFailure--;
    }
    downloads.incrementAndGet();
    return delegate.download(key, target);
  }

  @Override
  public Optional<Blob> get(String key) throws SnapshotStoreException {
    check(key);
    return delegate.get(key);
  }

  @Override
  public boolean createIfAbsent(String key, byte[] content) throws SnapshotStoreException {
    check(key);
    CountDownLatch reached = manifestReached;
    CountDownLatch released = manifestReleased;
    if (key.startsWith(StoreLayout.MANIFESTS) && reached != null && released != null) {
      reached.countDown();
      try {
        if (!released.await(30, TimeUnit.SECONDS)) {
          throw new AssertionError("manifest creation was never released");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    boolean created = delegate.createIfAbsent(key, content);
    if (loseNextCreateAnswer) {
      loseNextCreateAnswer = false;
      throw new SnapshotStoreException("test store: the answer to creating " + key + " was lost", null);
    }
    return created;
  }

  @Override
  public boolean replaceIfMatch(String key, byte[] content, String etag) throws SnapshotStoreException {
    check(key);
    return delegate.replaceIfMatch(key, content, etag);
  }

  @Override
  public List<ObjectInfo> list(String prefix, String startAfter) throws SnapshotStoreException {
    check(prefix);
    return delegate.list(prefix, startAfter);
  }

  @Override
  public void delete(Collection<String> keys) throws SnapshotStoreException {
    check(String.valueOf(keys));
    delegate.delete(keys);
  }
}
