package dev.tonearm.snapshots;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One published generation: every file of a Lucene commit with the store key, length and Lucene checksum it was
 * uploaded with, the stream position the commit includes, and the lineage (one index history: a full rebuild
 * starts a new one, whose file names begin again at {@code _0}). Stored as JSON at a key unique to the
 * generation; creating that object is what publishes the generation.
 *
 * @param format the manifest format, {@link #FORMAT}; readers refuse newer formats they do not understand
 * @param generation the store-wide generation number, one more than the generation the writer continued
 * @param lineage the index history this commit belongs to
 * @param segmentsFile the commit's {@code segments_N} file, the entry point Lucene opens
 * @param files every file of the commit, the segments file included
 * @param streamPosition the change-stream checkpoint the commit includes (commit user data under {@code stream.})
 * @param createdAt when the writer published it
 */
public record Manifest(int format, long generation, String lineage, String segmentsFile, List<IndexFile> files,
    Map<String, String> streamPosition, Instant createdAt) {

  public static final int FORMAT = 1;

  /** The commit user data prefix under which the index writer records its stream checkpoint. */
  public static final String STREAM_PREFIX = "stream.";

  public Manifest {
    files = List.copyOf(files);
    streamPosition = Map.copyOf(streamPosition);
  }

  /** One file of the commit: its Lucene name, the object holding its bytes, its length and footer checksum. */
  public record IndexFile(String name, String key, long length, long checksum) {}

  public Optional<IndexFile> file(String name) {
    return files.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  public long totalBytes() {
    return files.stream().mapToLong(IndexFile::length).sum();
  }
}
