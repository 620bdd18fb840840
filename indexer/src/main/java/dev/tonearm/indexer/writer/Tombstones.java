package dev.tonearm.indexer.writer;

import dev.tonearm.indexer.SearchSchema;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;

/**
 * Deleted tracks stay in the index as tombstones, documents with just an id and a version, so the
 * writer remembers a delete's version. They carry no visibility, so {@code TrackQueries.visibleTo} never lets one
 * through.
 */
public final class Tombstones {
  private Tombstones() {}

  static Document of(String id, long version) {
    Document doc = new Document();
    doc.add(new StringField(SearchSchema.ID, id, Field.Store.YES));
    doc.add(new NumericDocValuesField(SearchSchema.VERSION, version));
    doc.add(new StoredField(SearchSchema.VERSION, version));
    return doc;
  }
}
