package dev.tonearm.snapshots;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;

/**
 * The commit a manifest names, read from its segments file. {@code DirectoryReader.listCommits} would read every
 * segments file in the directory, including an older one whose segment files are already deleted; this reads
 * exactly the one the replica is about to open.
 */
final class LocalCommit extends IndexCommit {
  private final Directory directory;
  private final SegmentInfos infos;
  private final Collection<String> files;

  LocalCommit(Directory directory, String segmentsFile) throws IOException {
    this.directory = directory;
    this.infos = SegmentInfos.readCommit(directory, segmentsFile);
    this.files = infos.files(true);
  }

  @Override
  public String getSegmentsFileName() {
    return infos.getSegmentsFileName();
  }

  @Override
  public Collection<String> getFileNames() {
    return files;
  }

  @Override
  public Directory getDirectory() {
    return directory;
  }

  @Override
  public void delete() {
    throw new UnsupportedOperationException("a replica's commits are deleted by the replica, not by Lucene");
  }

  @Override
  public boolean isDeleted() {
    return false;
  }

  @Override
  public int getSegmentCount() {
    return infos.size();
  }

  @Override
  public long getGeneration() {
    return infos.getGeneration();
  }

  @Override
  public Map<String, String> getUserData() {
    return infos.getUserData();
  }
}
