package dev.tonearm.indexer;

import dev.tonearm.catalog.AudioFeatures;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;

/**
 * How a track sounds as a point in space, so that nearness is likeness: the one place where {@link AudioFeatures}
 * become the vector of {@link SearchSchema#AUDIO}. Every dimension is on 0..1 so that none outweighs the others by
 * its unit: the seven perceptual measures as they are, tempo and loudness rescaled over the range where music
 * actually lies and clipped outside it ({@value #MIN_BPM}–{@value #MAX_BPM} BPM, {@value #MIN_DB}–{@value #MAX_DB}
 * dB). Key and mode are left out: a key is a pitch class on a circle (B is next to C, not eleven away) and shared
 * key or mode says little about whether two tracks sound alike.
 *
 * <p>Similarity is Euclidean, not cosine: every value is non-negative and its size is the information (a quiet
 * acoustic ballad and a loud dance track differ in magnitude, not just direction), which cosine would discard.
 */
public final class AudioVectors {
  /** Dimensions of the vector, in order. */
  public static final List<String> DIMENSIONS = AudioFeatures.REQUIRED;
  public static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.EUCLIDEAN;
  static final double MIN_BPM = 50;
  static final double MAX_BPM = 210;
  static final double MIN_DB = -30;
  static final double MAX_DB = 0;

  private AudioVectors() {}

  /** The point of {@code features}: {@link #DIMENSIONS} each on 0..1. */
  public static float[] of(AudioFeatures features) {
    return new float[] {
        (float) features.danceability(),
        (float) features.energy(),
        (float) features.valence(),
        (float) features.acousticness(),
        (float) features.instrumentalness(),
        (float) features.speechiness(),
        (float) features.liveness(),
        scaled(features.tempo(), MIN_BPM, MAX_BPM),
        scaled(features.loudness(), MIN_DB, MAX_DB)};
  }

  /** The Euclidean distance between two descriptions, as the index measures it. */
  public static double distance(AudioFeatures a, AudioFeatures b) {
    float[] x = of(a);
    float[] y = of(b);
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += (x[i] - y[i]) * (x[i] - y[i]);
    }
    return Math.sqrt(sum);
  }

  /** The indexed field of {@code features}. */
  static KnnFloatVectorField field(AudioFeatures features) {
    return new KnnFloatVectorField(SearchSchema.AUDIO, of(features), SIMILARITY);
  }

  /**
   * The {@code k} tracks whose sound is nearest to {@code vector} among those {@code filter} matches, each scored
   * {@code 1 / (1 + d²)} (d the distance, so 1 for the same sound).
   */
  public static Query nearest(float[] vector, int k, Query filter) {
    return new KnnFloatVectorQuery(SearchSchema.AUDIO, vector, k, filter);
  }

  /** The vector indexed for the document {@code doc} of {@code searcher}, or {@code null} if it has none. */
  public static float[] ofDocument(IndexSearcher searcher, int doc) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    FloatVectorValues values = leaf.reader().getFloatVectorValues(SearchSchema.AUDIO);
    if (values == null) {
      return null;
    }
    KnnVectorValues.DocIndexIterator docs = values.iterator();
    int target = doc - leaf.docBase;
    return docs.advance(target) == target ? values.vectorValue(docs.index()).clone() : null;
  }

  private static float scaled(double value, double min, double max) {
    return (float) Math.clamp((value - min) / (max - min), 0.0, 1.0);
  }
}
