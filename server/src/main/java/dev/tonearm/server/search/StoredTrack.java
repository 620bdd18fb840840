package dev.tonearm.server.search;

import dev.tonearm.catalog.Rating;
import dev.tonearm.indexer.SearchSchema;
import dev.tonearm.server.ratings.RatingView;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;

/** A hit as the search and recommendation APIs show it, read from the index's stored fields alone. */
public final class StoredTrack {
  private StoredTrack() {}

  public static Map<String, Object> of(Document doc) {
    Map<String, Object> hit = new LinkedHashMap<>();
    hit.put("id", doc.get(SearchSchema.ID));
    hit.put("title", doc.get(SearchSchema.TITLE));
    hit.put("artist", doc.get(SearchSchema.ARTIST));
    hit.put("album", doc.get(SearchSchema.ALBUM));
    hit.put("genres", Arrays.asList(doc.getValues(SearchSchema.GENRE)));
    hit.put("year", number(doc.getField(SearchSchema.YEAR)));
    hit.put("durationMs", number(doc.getField(SearchSchema.DURATION_MS)));
    hit.put("visibility", doc.get(SearchSchema.VISIBILITY));
    hit.put("rating", RatingView.of(rating(doc)));
    return hit;
  }

  /** The aggregate back from the stored average and count (the sum is their product, a whole number). */
  private static Rating rating(Document doc) {
    IndexableField count = doc.getField(SearchSchema.RATING_COUNT);
    IndexableField average = doc.getField(SearchSchema.RATING_AVERAGE);
    if (count == null || average == null || count.numericValue().longValue() == 0) {
      return Rating.NONE;
    }
    long n = count.numericValue().longValue();
    return new Rating(Math.round(average.numericValue().doubleValue() * n), n);
  }

  private static Number number(IndexableField field) {
    return field == null ? null : field.numericValue();
  }
}
