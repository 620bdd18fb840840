package dev.tonearm.server.search;

import dev.tonearm.indexer.SearchSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * A discover-page query: text (blank = browse all), multi-select facet filters (values within a dimension are
 * ORed, dimensions ANDed), a year range, the least average rating ({@code minRating}, 1–5, null for any track, rated
 * or not), a sort, a page size and where the previous page ended.
 */
public record DiscoverRequest(String q, List<String> genres, List<String> artists, List<String> albums,
    List<String> decades, Integer yearFrom, Integer yearTo, Double minRating, Sort sort, int limit, String cursor) {

  /** The sorts the discover page offers; {@code RELEVANCE} falls back to title order when browsing. */
  public enum Sort {
    RELEVANCE("relevance"), POPULARITY("popularity"), TITLE("title"), YEAR("year"), YEAR_DESC("-year"),
    ADDED("added");

    public final String wire;

    Sort(String wire) {
      this.wire = wire;
    }

    public static List<String> wireNames() {
      return java.util.Arrays.stream(values()).map(s -> s.wire).toList();
    }

    public static Sort fromWire(String value) {
      return java.util.Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst().orElseThrow();
    }
  }

  /** The facet dimensions this request narrows (a selected value, or {@code minRating} for the rating facet). */
  List<String> selectedDims() {
    List<String> dims = new ArrayList<>();
    if (!genres.isEmpty()) {
      dims.add(SearchSchema.GENRE);
    }
    if (!artists.isEmpty()) {
      dims.add(SearchSchema.ARTIST);
    }
    if (!albums.isEmpty()) {
      dims.add(SearchSchema.ALBUM);
    }
    if (!decades.isEmpty()) {
      dims.add(SearchSchema.DECADE);
    }
    if (minRating != null) {
      dims.add(SearchSchema.RATING);
    }
    return dims;
  }

  /** This request without its selection in {@code dim}, from the first page. */
  DiscoverRequest without(String dim) {
    return new DiscoverRequest(q,
        dim.equals(SearchSchema.GENRE) ? List.of() : genres,
        dim.equals(SearchSchema.ARTIST) ? List.of() : artists,
        dim.equals(SearchSchema.ALBUM) ? List.of() : albums,
        dim.equals(SearchSchema.DECADE) ? List.of() : decades,
        yearFrom, yearTo, dim.equals(SearchSchema.RATING) ? null : minRating, sort, limit, null);
  }

  /** A fingerprint of everything but the cursor: a cursor only continues the query it came from. */
  String shape() {
    return String.join("\u001f", String.valueOf(q), genres.toString(), artists.toString(), albums.toString(),
        decades.toString(), String.valueOf(yearFrom), String.valueOf(yearTo), String.valueOf(minRating), sort.wire,
        Integer.toString(limit));
  }
}
