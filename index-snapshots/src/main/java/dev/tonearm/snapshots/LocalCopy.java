package dev.tonearm.snapshots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.NIOFSDirectory;

/**
 * Brings a generation's files into a local directory, verified. Missing files are downloaded into a staging
 * directory beside it, each checked against the manifest (length, Lucene's footer checksum over the whole file,
 * and the checksum recorded at upload), and only when all of them pass are they moved in, the segments file last:
 * a failure leaves the directory as it was and the staging directory gone, and a second attempt starts over.
 */
final class LocalCopy {

  /** How much a fetch downloaded. */
  record Fetched(int files, long bytes) {}

  private LocalCopy() {}

  /**
   * Makes {@code dir} hold every file of {@code manifest}. Files named in {@code trusted} are known good (the open
   * generation has them with the same checksum); other files already present are reused only if they verify.
   */
  static Fetched fetch(SnapshotStore store, Manifest manifest, Path dir, Set<String> trusted) throws IOException {
    Files.createDirectories(dir);
    List<Manifest.IndexFile> missing = new ArrayList<>();
    for (Manifest.IndexFile file : manifest.files()) {
      if (!trusted.contains(file.name()) && !verifies(dir, file.name(), file)) {
        missing.add(file);
      }
    }
    if (missing.isEmpty()) {
      return new Fetched(0, 0);
    }
    Path staging = stagingFor(dir);
    deleteTree(staging);
    try {
      Files.createDirectories(staging);
      Transfers.each(missing, file -> {
        if (!store.download(file.key(), staging.resolve(file.name()))) {
          throw new CorruptGenerationException(manifest.generation(), "its file " + file.name() + " (" + file.key()
              + ") is missing from the store", null);
        }
        verify(manifest.generation(), staging, file);
      });
      missing.sort(Comparator.comparing((Manifest.IndexFile f) -> f.name().equals(manifest.segmentsFile())));
      for (Manifest.IndexFile file : missing) {
        Files.move(staging.resolve(file.name()), dir.resolve(file.name()), StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      }
      return new Fetched(missing.size(), missing.stream().mapToLong(Manifest.IndexFile::length).sum());
    } finally {
      deleteTree(staging);
    }
  }

  static Path stagingFor(Path dir) {
    return dir.resolveSibling(dir.getFileName() + ".staging");
  }

  private static void verify(long generation, Path dir, Manifest.IndexFile file) throws CorruptGenerationException {
    String problem;
    try {
      problem = mismatch(dir, file);
    } catch (IOException e) {
      problem = e.toString();
    }
    if (problem != null) {
      throw new CorruptGenerationException(generation, "its file " + file.name() + " (" + file.key()
          + ") fails verification: " + problem, null);
    }
  }

  /** True if {@code dir/name} exists and is exactly the manifest's file. */
  private static boolean verifies(Path dir, String name, Manifest.IndexFile file) {
    if (!Files.isRegularFile(dir.resolve(name))) {
      return false;
    }
    try {
      return mismatch(dir, file) == null;
    } catch (IOException unreadable) {
      return false;
    }
  }

  /** Why the local copy of {@code file} is not the manifest's, or null when it is. */
  private static String mismatch(Path dir, Manifest.IndexFile file) throws IOException {
    try (NIOFSDirectory directory = new NIOFSDirectory(dir);
        IndexInput in = directory.openInput(file.name(), IOContext.READONCE)) {
      if (in.length() != file.length()) {
        return "length " + in.length() + ", expected " + file.length();
      }
      long checksum = CodecUtil.checksumEntireFile(in); // throws CorruptIndexException when bytes and footer differ
      return checksum == file.checksum() ? null
          : "checksum " + Long.toHexString(checksum) + ", expected " + Long.toHexString(file.checksum());
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
