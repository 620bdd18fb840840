package dev.tonearm.server.bench;

import dev.tonearm.indexer.IndexLayout;
import dev.tonearm.indexer.TrackDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Writes a generated catalog into a Lucene index on disk the way a bulk rebuild would: one writer shared by
 * {@code threads} indexing threads (each generating and analysing its own stripe of tracks, then flushing a
 * buffer), a large RAM buffer, one commit at the end and no force-merge, so the figures are those of an index as a
 * rebuild leaves it.
 */
public final class BenchIndex {
  static final double RAM_BUFFER_MB = 256;

  /**
   * @param docs tracks indexed
   * @param nanos generation, analysis, flushes, merges still running at commit, and the commit
   * @param cpuNanos CPU time the whole process spent over the same span, on all its threads (JIT and GC included)
   * @param bytes the index's files on disk after the commit
   * @param segments segments after the commit
   * @param heapPeakBytes the peak of the heap pools while building (includes garbage not yet collected)
   */
  public record Built(long docs, long nanos, long cpuNanos, long bytes, int segments, long heapPeakBytes) {
    public double docsPerSecond() {
      return docs / (nanos / 1e9);
    }
  }

  private BenchIndex() {}

  public static Built build(CatalogGenerator catalog, long tracks, Path dir, int threads) throws IOException {
    resetHeapPeaks();
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    IndexWriterConfig config = IndexLayout.writerConfig()
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setRAMBufferSizeMB(RAM_BUFFER_MB);
    try (Directory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config);
        ProgressBar bar = new ProgressBarBuilder().setTaskName("Indexing").setInitialMax(tracks)
            .setStyle(ProgressBarStyle.ASCII).setUnit(" docs", 1).showSpeed().build()) {
      boolean success = false;
      try {
        addAll(catalog, tracks, writer, threads, bar);
        writer.commit();
        success = true;
      } finally {
        if (!success) {
          writer.rollback();
        }
      }
      long nanos = System.nanoTime() - start;
      long cpuNanos = processCpuNanos() - cpuStart;
      int segments = SegmentInfos.readLatestCommit(directory).size();
      return new Built(tracks, nanos, cpuNanos, sizeOf(dir), segments, heapPeak());
    }
  }

  private static void addAll(CatalogGenerator catalog, long tracks, IndexWriter writer, int threads, ProgressBar bar)
      throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> stripes = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long first = t;
        stripes.add(pool.submit(() -> {
          int sinceStep = 0;
          for (long i = first; i < tracks; i += threads) {
            writer.addDocument(TrackDocuments.toDocument(catalog.track(i), catalog.popularity(i)));
            if (++sinceStep == 1000) {
              bar.stepBy(sinceStep);
              sinceStep = 0;
            }
          }
          // Each thread flushes a buffer of its own now, in parallel; the commit would flush them one by one.
          writer.flushNextBuffer();
          return null;
        }));
      }
      for (Future<?> stripe : stripes) {
        stripe.get();
      }
      bar.stepTo(tracks);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("indexing interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException("indexing failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  static long sizeOf(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    }
  }

  /** CPU time of the whole process so far, or 0 where the JVM cannot tell. */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? Math.max(0, os.getProcessCpuTime()) : 0;
  }

  private static void resetHeapPeaks() {
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long heapPeak() {
    return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
  }
}
