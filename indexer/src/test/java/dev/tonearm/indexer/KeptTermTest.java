package dev.tonearm.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** A kept term lookup answers like a plain term query on its reader, and a refreshed reader looks the term up anew. */
class KeptTermTest {

  @Test
  void each_reader_finds_what_it_holds_with_its_own_lookups() throws Exception {
    Term term = new Term("f", "x");
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      writer.addDocument(doc("x"));
      writer.addDocument(doc("y"));
      try (DirectoryReader first = DirectoryReader.open(writer)) {
        IndexSearcher searcher = new IndexSearcher(first);
        assertThat(searcher.count(new KeptTerm(term))).isEqualTo(1);
        assertThat(searcher.count(new KeptTerm(term))).isEqualTo(1); // from the kept lookup
        assertThat(states(searcher, term)).isSameAs(states(searcher, term));
        writer.addDocument(doc("x"));
        writer.commit(); // a second segment, where the first reader's lookups know nothing
        writer.deleteDocuments(new Term("f", "y"));
        try (DirectoryReader second = DirectoryReader.openIfChanged(first, writer)) {
          IndexSearcher refreshed = new IndexSearcher(second);
          assertThat(refreshed.count(new KeptTerm(term))).isEqualTo(2)
              .isEqualTo(refreshed.count(new TermQuery(term)));
          assertThat(searcher.count(new KeptTerm(term))).isEqualTo(1); // the first reader is unchanged
          assertThat(states(refreshed, term)).isNotSameAs(states(searcher, term)); // each reader its own lookup
        }
      }
    }
  }

  /** The term lookup a kept term brings to {@code searcher}'s reader. */
  private static TermStates states(IndexSearcher searcher, Term term) throws IOException {
    return ((TermQuery) searcher.rewrite(new KeptTerm(term))).getTermStates();
  }

  private static Document doc(String value) {
    Document doc = new Document();
    doc.add(new StringField("f", value, Field.Store.NO));
    return doc;
  }
}
