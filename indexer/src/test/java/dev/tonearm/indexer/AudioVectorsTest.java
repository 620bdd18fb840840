package dev.tonearm.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tonearm.catalog.AudioFeatures;
import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackStatus;
import dev.tonearm.catalog.Viewer;
import dev.tonearm.catalog.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class AudioVectorsTest {
  private static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");
  private static final AudioFeatures BALLAD = features(0.3, 0.2, 0.25, 0.9, 0.0, 0.03, 0.1, 72, -14);
  private static final AudioFeatures SOFT_BALLAD = features(0.32, 0.18, 0.2, 0.92, 0.0, 0.035, 0.12, 75, -15);
  private static final AudioFeatures DANCE = features(0.85, 0.9, 0.8, 0.02, 0.1, 0.06, 0.3, 128, -4);

  @Test
  void perceptual_measures_stay_as_they_are_and_tempo_and_loudness_are_rescaled_to_0_1() {
    float[] v = AudioVectors.of(features(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 130, -15));
    assertThat(v).hasSize(AudioVectors.DIMENSIONS.size());
    assertThat(v[0]).isEqualTo(0.1f);
    assertThat(v[6]).isEqualTo(0.7f);
    assertThat(v[7]).isCloseTo(0.5f, within(1e-6f)); // 130 BPM is the middle of 50..210
    assertThat(v[8]).isCloseTo(0.5f, within(1e-6f)); // -15 dB is the middle of -30..0
  }

  @Test
  void tempo_and_loudness_outside_the_range_of_music_are_clipped() {
    float[] slowQuiet = AudioVectors.of(features(0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 30, -55));
    float[] fastLoud = AudioVectors.of(features(0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 290, 3));
    assertThat(slowQuiet[7]).isZero();
    assertThat(slowQuiet[8]).isZero();
    assertThat(fastLoud[7]).isEqualTo(1f);
    assertThat(fastLoud[8]).isEqualTo(1f);
    for (float x : fastLoud) {
      assertThat(x).isBetween(0f, 1f);
    }
  }

  @Test
  void key_and_mode_do_not_move_the_point() {
    AudioFeatures inC = new AudioFeatures(0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 120, -8, 0, 1);
    AudioFeatures inB = new AudioFeatures(0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 120, -8, 11, 0);
    assertThat(AudioVectors.of(inC)).containsExactly(AudioVectors.of(inB));
    assertThat(AudioVectors.distance(inC, inB)).isZero();
  }

  @Test
  void a_ballad_is_nearer_another_ballad_than_a_dance_track() {
    assertThat(AudioVectors.distance(BALLAD, SOFT_BALLAD)).isLessThan(0.1);
    assertThat(AudioVectors.distance(BALLAD, DANCE)).isGreaterThan(1.0);
  }

  @Test
  void only_tracks_with_features_are_in_the_vector_index_and_the_nearest_come_first() throws Exception {
    List<Track> tracks = new ArrayList<>();
    tracks.add(track("ballad", BALLAD, Visibility.PUBLIC));
    tracks.add(track("soft", SOFT_BALLAD, Visibility.PUBLIC));
    tracks.add(track("secret", SOFT_BALLAD, Visibility.PRIVATE));
    tracks.add(track("dance", DANCE, Visibility.PUBLIC));
    tracks.add(track("unknown", null, Visibility.PUBLIC));
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, IndexLayout.writerConfig())) {
      for (Track t : tracks) {
        writer.addDocument(TrackDocuments.toDocument(t));
      }
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        int balladDoc = searcher.search(new TermQuery(new Term(SearchSchema.ID, "ballad")), 1).scoreDocs[0].doc;
        int unknownDoc = searcher.search(new TermQuery(new Term(SearchSchema.ID, "unknown")), 1).scoreDocs[0].doc;
        assertThat(AudioVectors.ofDocument(searcher, balladDoc)).containsExactly(AudioVectors.of(BALLAD));
        assertThat(AudioVectors.ofDocument(searcher, unknownDoc)).isNull();

        ScoreDoc[] hits = searcher.search(AudioVectors.nearest(AudioVectors.of(BALLAD), 10,
            TrackQueries.visibleTo(new Viewer("listener", false))), 10).scoreDocs;
        List<String> ids = new ArrayList<>();
        for (ScoreDoc hit : hits) {
          Document doc = searcher.storedFields().document(hit.doc);
          ids.add(doc.get(SearchSchema.ID));
        }
        assertThat(ids).containsExactly("ballad", "soft", "dance");
        assertThat(hits[0].score).isEqualTo(1f);
      }
    }
  }

  private static AudioFeatures features(double dance, double energy, double valence, double acoustic,
      double instrumental, double speech, double live, double tempo, double loudness) {
    return new AudioFeatures(dance, energy, valence, acoustic, instrumental, speech, live, tempo, loudness, null,
        null);
  }

  private static Track track(String id, AudioFeatures features, Visibility visibility) {
    return new Track(id, "Title " + id, List.of("Artist " + id), null, null, null, List.of("Pop"), 2000, null, null,
        null, null, "owner", visibility, null, Map.of(), TrackStatus.METADATA_ONLY, NOW, NOW, 1, Rating.NONE,
        features);
  }
}
