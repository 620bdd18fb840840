package dev.tonearm.indexer;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;

/**
 * How the track index lies on disk: every writer opens it with {@link #writerConfig()}. Each segment keeps its
 * private tracks first, each owner's together, then the public tracks; within both, most popular first.
 *
 * <ul>
 *   <li>Ranking is by match class, then popularity, so the tracks a query wants come early: once the top of a page
 *       holds the best match class, the popularity bound of the blocks still ahead is below it and Lucene skips
 *       them ("the", "love", "lady" stop after the first blocks instead of visiting every match).
 *   <li>A listener's own private tracks, searched apart from the public ones for broad text, are one short run
 *       of documents: matching them reads that stretch of each posting list, not all of it.
 * </ul>
 *
 * <p>An index written under an older layout cannot be appended to (Lucene refuses to change a sort); writers check
 * {@link #current} and build such an index again from the table.
 */
public final class IndexLayout {
  /** Private tracks by owner, then public ones; most popular first within each (tombstones count as 0). */
  public static final Sort SORT = new Sort(privateOwnerFirst(),
      new SortField(SearchSchema.POPULARITY, SortField.Type.FLOAT, true));

  private IndexLayout() {}

  private static SortField privateOwnerFirst() {
    SortField owner = new SortField(SearchSchema.PRIVATE_OWNER, SortField.Type.STRING);
    owner.setMissingValue(SortField.STRING_LAST);
    return owner;
  }

  /** A writer configuration with the index analyzer and the layout's sort; callers add their own settings. */
  public static IndexWriterConfig writerConfig() {
    return new IndexWriterConfig(MusicAnalyzers.indexAnalyzer()).setIndexSort(SORT);
  }

  /**
   * Whether a writer with {@link #writerConfig()} can append to the index in {@code directory}: true when there is
   * none, or every segment is sorted as {@link #SORT}.
   */
  public static boolean current(Directory directory) throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return true;
    }
    for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(directory)) {
      if (!Objects.equals(segment.info.getIndexSort(), SORT)) {
        return false;
      }
    }
    return true;
  }
}
