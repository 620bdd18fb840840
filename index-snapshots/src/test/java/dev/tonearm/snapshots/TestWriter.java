package dev.tonearm.snapshots;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.FSDirectory;

/**
 * The single writer as the Lambda or the embedded stack runs it: restore the newest generation, open an
 * {@code IndexWriter} on the copy, commit with a stream checkpoint, publish. Merges are off so that which files a
 * commit adds is exact.
 */
final class TestWriter implements AutoCloseable {
  static final String TITLE = "title";

  final FSDirectory directory;
  final IndexWriter writer;
  final GenerationPublisher publisher;
  final String lineage;
  private final Map<String, String> checkpoint = new HashMap<>();

  private TestWriter(FSDirectory directory, IndexWriterConfig.OpenMode mode, GenerationPublisher publisher,
      String lineage) throws IOException {
    this.directory = directory;
    this.writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer())
        .setOpenMode(mode).setMergePolicy(NoMergePolicy.INSTANCE).setUseCompoundFile(true));
    this.publisher = publisher;
    this.lineage = lineage;
  }

  /** Continues the newest generation in the store (or starts the first lineage of an empty store). */
  static TestWriter restore(SnapshotStore store, Path dir) throws IOException {
    Optional<Manifest> restored = new GenerationRestorer(store).restoreForWriting(dir);
    String lineage = restored.map(Manifest::lineage).orElseGet(GenerationPublisher::newLineage);
    return new TestWriter(FSDirectory.open(dir), IndexWriterConfig.OpenMode.CREATE_OR_APPEND,
        new GenerationPublisher(store, restored), lineage);
  }

  /** A full rebuild: a fresh index in an empty directory, published as a new lineage after {@code previous}. */
  static TestWriter rebuild(SnapshotStore store, Path dir, Optional<Manifest> previous) throws IOException {
    return new TestWriter(FSDirectory.open(dir), IndexWriterConfig.OpenMode.CREATE,
        new GenerationPublisher(store, previous), GenerationPublisher.newLineage());
  }

  void add(String... titles) throws IOException {
    for (String title : titles) {
      Document doc = new Document();
      doc.add(new StringField("id", title, Field.Store.NO));
      doc.add(new TextField(TITLE, title, Field.Store.YES));
      writer.addDocument(doc);
    }
  }

  /** Commits with the stream checkpoint the way the index writer records it, and returns the commit. */
  IndexCommit commit(String shard, String sequence) throws IOException {
    checkpoint.put(Manifest.STREAM_PREFIX + shard, sequence);
    writer.setLiveCommitData(checkpoint.entrySet());
    writer.commit();
    return DirectoryReader.listCommits(directory).getLast();
  }

  IndexCommit commit() throws IOException {
    return commit("shard-0", Long.toString(System.nanoTime()));
  }

  Manifest publish(String... titles) throws IOException {
    add(titles);
    return publisher.publish(commit(), lineage);
  }

  @Override
  public void close() throws IOException {
    writer.rollback(); // uncommitted documents are the point of some tests; never commit them on close
    directory.close();
  }
}
