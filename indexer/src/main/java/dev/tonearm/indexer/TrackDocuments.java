package dev.tonearm.indexer;

import static dev.tonearm.indexer.SearchSchema.*;

import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.Visibility;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * The one {@code Track → Document} mapping. The document is ready for {@code IndexWriter.updateDocument(new
 * Term(SearchSchema.ID, track.id()), doc)}: its facet fields are already built through {@link #FACETS}.
 */
public final class TrackDocuments {

  /**
   * Facet dimensions {@code genre}, {@code artist}, {@code rating} (multi-valued), {@code album}, {@code decade}.
   * Read-only.
   */
  public static final FacetsConfig FACETS = facetsConfig();

  /** Longest facet label and sort key, in chars: doc values have a size limit, hostile tags do not. */
  static final int MAX_LABEL = 200;

  /** {@code \p{Cntrl}}: the ASCII control characters, U+0000 to U+001F and U+007F. */
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  /** Matching fields need neither frequencies nor norms: every match class scores a constant. */
  private static final FieldType MATCHING = matchingType();

  private TrackDocuments() {}

  /** The document of a track as the catalog knows it: its popularity is its {@linkplain #popularity rating}. */
  public static Document toDocument(Track track) {
    return toDocument(track, popularity(track.rating()));
  }

  /**
   * Popularity from listener ratings: average stars × ln(1 + count), 0 while unrated. Many ratings weigh more than
   * a few, but only logarithmically, so one 5-star rating (3.5) ranks below a 4-star average over ten (9.6).
   */
  public static float popularity(Rating rating) {
    return rating.count() == 0 ? 0f : (float) (rating.average() * Math.log1p(rating.count()));
  }

  /**
   * The document of {@code track} with the caller's {@code popularity} (≥ 0; any scale, ranking saturates it).
   *
   * @throws IllegalArgumentException if popularity is negative or NaN
   */
  public static Document toDocument(Track track, float popularity) {
    Objects.requireNonNull(track, "track");
    if (!(popularity >= 0)) {
      throw new IllegalArgumentException("popularity must be >= 0, was " + popularity);
    }
    Document doc = new Document();
    bookkeeping(doc, track);
    display(doc, track);
    matching(doc, track);
    rating(doc, track.rating());
    popularity(doc, popularity);
    if (track.audioFeatures() != null) {
      doc.add(AudioVectors.field(track.audioFeatures()));
    }
    try {
      return FACETS.build(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // only a taxonomy writer does I/O here, and there is none
    }
  }

  private static void bookkeeping(Document doc, Track track) {
    doc.add(new StringField(ID, track.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(ID_SORT, new BytesRef(track.id())));
    doc.add(new NumericDocValuesField(VERSION, track.version()));
    doc.add(new StoredField(VERSION, track.version()));
    doc.add(new StringField(VISIBILITY, track.visibility().wireName(), Field.Store.YES));
    doc.add(new StringField(OWNER, track.owner(), Field.Store.YES));
    if (track.visibility() == Visibility.PRIVATE) {
      doc.add(new SortedDocValuesField(PRIVATE_OWNER, new BytesRef(track.owner())));
    }
    if (track.createdAt() != null) {
      doc.add(new NumericDocValuesField(CREATED_AT, track.createdAt().toEpochMilli()));
    }
  }

  private static void display(Document doc, Track track) {
    doc.add(new StoredField(TITLE, track.title()));
    doc.add(new SortedDocValuesField(TITLE_SORT, new BytesRef(truncate(MusicAnalyzers.fold(track.title())))));
    if (track.artist() != null) {
      doc.add(new StoredField(ARTIST, track.artist()));
    }
    for (String artist : ArtistCredits.credited(track)) {
      facet(doc, ARTIST, artist);
    }
    if (track.album() != null) {
      doc.add(new StoredField(ALBUM, track.album()));
      facet(doc, ALBUM, track.album());
    }
    for (String genre : track.genres()) {
      doc.add(new StoredField(GENRE, genre));
      facet(doc, GENRE, genre);
    }
    if (track.year() != null) {
      year(doc, track.year());
    }
    if (track.durationMs() != null) {
      doc.add(new StoredField(DURATION_MS, track.durationMs()));
    }
  }

  private static void year(Document doc, int year) {
    doc.add(new IntPoint(YEAR, year));
    doc.add(new NumericDocValuesField(YEAR, year));
    doc.add(new StoredField(YEAR, year));
    if (year > 0) {
      String decade = (year / 10 * 10) + "s";
      doc.add(new StringField(DECADE, decade, Field.Store.YES));
      facet(doc, DECADE, decade);
    }
  }

  private static void matching(Document doc, Track track) {
    List<String> names = new ArrayList<>();
    names.add(track.title());
    List<String> artists = ArtistCredits.searchable(track);
    names.addAll(artists);
    if (track.album() != null) {
      names.add(track.album());
    }
    // Each distinct name is analysed once for the four word fields; the CJK field tokenizes on its own.
    Map<String, NameTerms> analysed = new HashMap<>();
    for (String name : names) {
      NameTerms terms = analysed.computeIfAbsent(name, NameTerms::of);
      for (String field : NameTerms.FIELDS) {
        doc.add(terms.field(field, MATCHING));
      }
      doc.add(new Field(MATCH_INFIX, name, MATCHING));
    }
    doc.add(new Field(TITLE_KEY, track.title(), MATCHING));
    artists.forEach(artist -> doc.add(new Field(ARTIST_KEY, artist, MATCHING)));
    if (track.album() != null) {
      doc.add(new Field(ALBUM_KEY, track.album(), MATCHING));
    }
  }

  /** The average for ranges and display, the count, and the cumulative star buckets of {@link SearchSchema#RATING}. */
  private static void rating(Document doc, Rating rating) {
    doc.add(new NumericDocValuesField(RATING_COUNT, rating.count()));
    doc.add(new StoredField(RATING_COUNT, rating.count()));
    if (rating.count() == 0) {
      return;
    }
    doc.add(new DoubleField(RATING_AVERAGE, rating.average(), Field.Store.YES));
    for (int stars = Rating.MIN_STARS; stars <= Rating.MAX_STARS && rating.atLeast(stars); stars++) {
      doc.add(new SortedSetDocValuesFacetField(RATING, Integer.toString(stars)));
    }
  }

  private static void popularity(Document doc, float popularity) {
    doc.add(new FloatDocValuesField(POPULARITY, popularity));
    doc.add(new StoredField(POPULARITY, popularity));
    if (popularity >= Float.MIN_NORMAL) { // a feature must be positive and normal; absent reads as 0
      doc.add(new FeatureField(FEATURES, POPULARITY, Math.min(popularity, Float.MAX_VALUE)));
    }
  }

  /** Adds a facet value unless it is blank once control characters (the facet path delimiter among them) go. */
  private static void facet(Document doc, String dimension, String value) {
    String label = truncate(withoutControls(value).strip());
    if (!label.isEmpty()) {
      doc.add(new SortedSetDocValuesFacetField(dimension, label));
    }
  }

  private static String withoutControls(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < ' ' || c == 0x7f) {
        return CONTROL.matcher(value).replaceAll(" ");
      }
    }
    return value;
  }

  private static String truncate(String text) {
    if (text.length() <= MAX_LABEL) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(MAX_LABEL - 1)) ? MAX_LABEL - 1 : MAX_LABEL;
    return text.substring(0, end);
  }

  private static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(GENRE, true);
    config.setMultiValued(ARTIST, true);
    config.setMultiValued(RATING, true);
    return config;
  }

  private static FieldType matchingType() {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setOmitNorms(true);
    type.setIndexOptions(IndexOptions.DOCS);
    type.freeze();
    return type;
  }
}
