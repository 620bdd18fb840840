package dev.tonearm.snapshots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The store in a local directory (the embedded stack, tests, a shared volume): each key is a file under the root.
 * Writes go to a temporary file first and are moved into place atomically, so readers never see a partial object.
 * {@link #createIfAbsent} publishes the finished temporary file with a hard link, which the file system refuses
 * atomically when the name exists; {@link #replaceIfMatch} compares and moves under a file lock, so separate
 * processes sharing the directory are serialised too. The root must exist: a missing root is this store's
 * "unreachable", the way an unmounted volume would be.
 */
public final class LocalDirSnapshotStore implements SnapshotStore {
  private static final String INCOMING = ".incoming";

  private final Path root;
  private final ReentrantLock replaceLock = new ReentrantLock(); // a FileLock is per process, not per thread

  public LocalDirSnapshotStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public void put(String key, Path file) throws SnapshotStoreException {
    Path target = path(key);
    run("upload", key, () -> {
      Path temp = incoming();
      try {
        Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
        moveIntoPlace(temp, target);
      } finally {
        Files.deleteIfExists(temp);
      }
      return null;
    });
  }

  @Override
  public boolean download(String key, Path target) throws SnapshotStoreException {
    Path source = path(key);
    return run("download", key, () -> {
      try {
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        return true;
      } catch (NoSuchFileException missing) {
        return false;
      }
    });
  }

  @Override
  public Optional<Blob> get(String key) throws SnapshotStoreException {
    Path source = path(key);
    return run("read", key, () -> {
      try {
        byte[] content = Files.readAllBytes(source);
        return Optional.of(new Blob(content, etag(content)));
      } catch (NoSuchFileException missing) {
        return Optional.empty();
      }
    });
  }

  @Override
  public boolean createIfAbsent(String key, byte[] content) throws SnapshotStoreException {
    Path target = path(key);
    return run("create", key, () -> {
      Path temp = incoming();
      try {
        Files.write(temp, content);
        Files.createDirectories(target.getParent());
        Files.createLink(target, temp); // link(2) fails with EEXIST atomically: exactly one creator wins
        return true;
      } catch (FileAlreadyExistsException exists) {
        return false;
      } finally {
        Files.deleteIfExists(temp);
      }
    });
  }

  @Override
  public boolean replaceIfMatch(String key, byte[] content, String etag) throws SnapshotStoreException {
    Path target = path(key);
    return run("replace", key, () -> {
      replaceLock.lock();
      try (FileChannel lockFile = FileChannel.open(Files.createDirectories(root.resolve(INCOMING)).resolve(".lock"),
          StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = lockFile.lock()) {
        byte[] current;
        try {
          current = Files.readAllBytes(target);
        } catch (NoSuchFileException gone) {
          return false;
        }
        if (!etag(current).equals(etag)) {
          return false;
        }
        Path temp = incoming();
        try {
          Files.write(temp, content);
          moveIntoPlace(temp, target);
        } finally {
          Files.deleteIfExists(temp);
        }
        return true;
      } finally {
        replaceLock.unlock();
      }
    });
  }

  @Override
  public List<ObjectInfo> list(String prefix, String startAfter) throws SnapshotStoreException {
    // Walk only the deepest directory the prefix names, as S3 would only read that part of its index.
    Path start = root.resolve(prefix.contains("/") ? prefix.substring(0, prefix.lastIndexOf('/')) : "");
    return run("list", prefix, () -> {
      if (!Files.isDirectory(start)) {
        return List.of();
      }
      List<ObjectInfo> found = new ArrayList<>();
      try (Stream<Path> files = Files.walk(start)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          String key = key(file);
          if (key.startsWith(prefix) && (startAfter == null || key.compareTo(startAfter) > 0)
              && !key.startsWith(INCOMING) && Files.isRegularFile(file)) {
            try {
              found.add(new ObjectInfo(key, Files.size(file), Files.getLastModifiedTime(file).toInstant()));
            } catch (NoSuchFileException deletedMeanwhile) {
              // as S3 would: a listing shows what existed when each entry was read
            }
          }
        }
      }
      found.sort((a, b) -> a.key().compareTo(b.key()));
      return found;
    });
  }

  @Override
  public void delete(Collection<String> keys) throws SnapshotStoreException {
    for (String key : keys) {
      Path file = path(key);
      run("delete", key, () -> {
        Files.deleteIfExists(file);
        pruneEmptyParents(file.getParent());
        return null;
      });
    }
  }

  /** Moves a finished temporary file over the target; retried once if a concurrent delete pruned its directory. */
  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Files.createDirectories(target.getParent());
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return;
      } catch (NoSuchFileException parentGone) {
        if (attempt > 2) {
          throw parentGone;
        }
      }
    }
  }

  private void pruneEmptyParents(Path dir) throws IOException {
    for (Path d = dir; d != null && d.startsWith(root) && !d.equals(root); d = d.getParent()) {
      try {
        Files.deleteIfExists(d);
      } catch (DirectoryNotEmptyException stillUsed) {
        return;
      }
    }
  }

  private Path incoming() throws IOException {
    Path dir = Files.createDirectories(root.resolve(INCOMING));
    return dir.resolve(UUID.randomUUID() + ".tmp");
  }

  private Path path(String key) {
    Path file = root.resolve(key).normalize();
    if (key.isEmpty() || key.startsWith("/") || !file.startsWith(root) || file.equals(root)
        || key.startsWith(INCOMING)) {
      throw new IllegalArgumentException("not a store key: " + key);
    }
    return file;
  }

  private String key(Path file) {
    return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }

  private static String etag(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }

  private interface IoCall<T> {
    T call() throws IOException;
  }

  private <T> T run(String what, String key, IoCall<T> operation) throws SnapshotStoreException {
    if (!Files.isDirectory(root)) {
      throw new SnapshotStoreException("local store " + root + " is missing (" + what + " of " + key + ")", null);
    }
    try {
      return operation.call();
    } catch (UncheckedIOException e) { // from a directory walk
      throw new SnapshotStoreException("local store " + what + " of " + root.resolve(key) + " failed: " + e.getCause(),
          e.getCause());
    } catch (IOException e) {
      throw new SnapshotStoreException("local store " + what + " of " + root.resolve(key) + " failed: " + e, e);
    }
  }

  @Override
  public String toString() {
    return root.toUri().toString();
  }
}
