package dev.tonearm.server.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tonearm.catalog.AudioFeatures;
import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackStatus;
import dev.tonearm.catalog.Viewer;
import dev.tonearm.catalog.Visibility;
import dev.tonearm.indexer.AudioVectors;
import dev.tonearm.indexer.IndexLayout;
import dev.tonearm.indexer.TrackDocuments;
import dev.tonearm.server.search.SearchIndex;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Similar tracks by sound over the real Spotify Hit Predictor data (41,106 tracks of 1960–2019 with their audio
 * features, read from the shared data sets, never copied into the repository). The decade of each file is the
 * track's year; the data has no genres. Every tenth track is someone else's private one, and each seed has a
 * private sound-alike of that someone else's, so the nearest of all by sound is always one the listener must not
 * see.
 */
class SoundsAlikeOnRealDataTest {
  private static final Logger LOG = LoggerFactory.getLogger(SoundsAlikeOnRealDataTest.class);
  private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
  private static final Viewer LISTENER = new Viewer("listener", false);
  private static final Viewer CAROL = new Viewer("carol", false);
  private static final int SEEDS = 60;
  private static final int LIMIT = 10;

  private static final Map<String, Track> TRACKS = new HashMap<>();
  private static final List<Track> SEED_TRACKS = new ArrayList<>();
  private static final Map<Integer, List<Track>> PUBLIC_BY_DECADE = new HashMap<>();
  private static ByteBuffersDirectory directory;
  private static SearcherManager searchers;
  private static RecommendService recommend;

  @BeforeAll
  static void indexTheRealData() throws IOException {
    Path dir = datasets().resolve("catalog/spotify-hit-predictor");
    int skipped = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "dataset-of-*.csv")) {
      for (Path file : files) {
        skipped += read(file);
      }
    }
    Random random = new Random(20261204);
    List<Track> publicTracks = TRACKS.values().stream().filter(t -> t.visibility() == Visibility.PUBLIC)
        .sorted(java.util.Comparator.comparing(Track::id)).toList();
    for (int i = 0; i < SEEDS; i++) {
      Track seed = publicTracks.get(random.nextInt(publicTracks.size()));
      SEED_TRACKS.add(seed);
      Track copy = track("carol-copy-" + i, seed.title() + " (Carol's take)", "Carol's Sound-Alikes " + i,
          seed.year(), seed.audioFeatures(), "carol", Visibility.PRIVATE);
      TRACKS.put(copy.id(), copy);
    }
    directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, IndexLayout.writerConfig())) {
      for (Track track : TRACKS.values()) {
        writer.addDocument(TrackDocuments.toDocument(track));
      }
    }
    searchers = new SearcherManager(directory, null);
    recommend = new RecommendService(SearchIndex.of(searchers, () -> true), null);
    LOG.atInfo().addKeyValue("tracks", TRACKS.size()).addKeyValue("skippedOutOfRange", skipped)
        .log("indexed the Spotify Hit Predictor data");
  }

  @AfterAll
  static void close() throws IOException {
    searchers.close();
    directory.close();
  }

  @Test
  void similar_tracks_sound_clearly_nearer_the_seed_than_random_tracks_of_its_decade() throws IOException {
    Random random = new Random(7);
    double similarSum = 0;
    double randomSum = 0;
    double nearestSum = 0;
    int nearer = 0;
    for (Track seed : SEED_TRACKS) {
      List<Track> hits = similar(LISTENER, seed);
      assertThat(hits).hasSize(LIMIT);
      double similar = meanDistance(seed, hits);
      List<Track> decade = PUBLIC_BY_DECADE.get(seed.year());
      List<Track> sample = new ArrayList<>();
      while (sample.size() < LIMIT) {
        Track other = decade.get(random.nextInt(decade.size()));
        if (!other.id().equals(seed.id())) {
          sample.add(other);
        }
      }
      double baseline = meanDistance(seed, sample);
      nearestSum += nearestPossible(seed);
      similarSum += similar;
      randomSum += baseline;
      nearer += similar < baseline ? 1 : 0;
    }
    double similarMean = similarSum / SEED_TRACKS.size();
    double randomMean = randomSum / SEED_TRACKS.size();
    LOG.atInfo().addKeyValue("seeds", SEED_TRACKS.size()).addKeyValue("limit", LIMIT)
        .addKeyValue("similarMeanDistance", String.format(Locale.ROOT, "%.3f", similarMean))
        .addKeyValue("sameDecadeRandomMeanDistance", String.format(Locale.ROOT, "%.3f", randomMean))
        .addKeyValue("nearestPossibleMeanDistance",
            String.format(Locale.ROOT, "%.3f", nearestSum / SEED_TRACKS.size()))
        .addKeyValue("ratio", String.format(Locale.ROOT, "%.2f", similarMean / randomMean))
        .addKeyValue("seedsWithNearerSimilar", nearer)
        .log("feature distance of similar tracks against random tracks of the seed's decade");
    assertThat(similarMean).isLessThan(0.5 * randomMean);
    assertThat(nearer).isGreaterThanOrEqualTo(SEED_TRACKS.size() * 95 / 100);
  }

  @Test
  void someone_elses_private_sound_alike_never_comes_through_the_vector_part() throws IOException {
    for (Track seed : SEED_TRACKS) {
      assertThat(similar(LISTENER, seed)).noneMatch(t -> t.visibility() == Visibility.PRIVATE);
    }
    // To its owner the same sound-alike is the first answer: only visibility kept it from the listener.
    int seen = 0;
    for (Track seed : SEED_TRACKS) {
      seen += similar(CAROL, seed).stream().anyMatch(t -> t.owner().equals("carol")) ? 1 : 0;
    }
    assertThat(seen).isEqualTo(SEED_TRACKS.size());
  }

  @Test
  void a_page_still_holds_at_most_two_tracks_of_one_artist() throws IOException {
    for (Track seed : SEED_TRACKS) {
      Map<String, Integer> perArtist = new HashMap<>();
      similar(LISTENER, seed).forEach(t -> perArtist.merge(t.artist(), 1, Integer::sum));
      assertThat(perArtist.values()).allMatch(n -> n <= RecommendService.MAX_PER_ARTIST);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Track> similar(Viewer viewer, Track seed) throws IOException {
    List<Map<String, Object>> hits = (List<Map<String, Object>>) recommend.similar(viewer, seed.id(), LIMIT)
        .get("tracks");
    return hits.stream().map(hit -> TRACKS.get((String) hit.get("id"))).toList();
  }

  /** The mean distance of the {@value #LIMIT} public tracks nearest the seed, by brute force: the floor. */
  private static double nearestPossible(Track seed) {
    return TRACKS.values().stream()
        .filter(t -> t.visibility() == Visibility.PUBLIC && !t.id().equals(seed.id()))
        .mapToDouble(t -> AudioVectors.distance(seed.audioFeatures(), t.audioFeatures()))
        .sorted().limit(LIMIT).average().orElseThrow();
  }

  private static double meanDistance(Track seed, List<Track> others) {
    return others.stream().mapToDouble(o -> AudioVectors.distance(seed.audioFeatures(), o.audioFeatures()))
        .average().orElseThrow();
  }

  /** Reads one decade's file; returns how many rows had features out of range (and were left out). */
  private static int read(Path file) throws IOException {
    int skipped = 0;
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser csv = format.parse(reader)) {
      for (CSVRecord row : csv) {
        AudioFeatures features;
        try {
          int key = Integer.parseInt(row.get("key"));
          features = new AudioFeatures(num(row, "danceability"), num(row, "energy"), num(row, "valence"),
              num(row, "acousticness"), num(row, "instrumentalness"), num(row, "speechiness"), num(row, "liveness"),
              num(row, "tempo"), num(row, "loudness"), key < 0 ? null : key, Integer.parseInt(row.get("mode")));
        } catch (IllegalArgumentException e) {
          skipped++;
          continue;
        }
        int decade = Integer.parseInt(row.get("decade"));
        String id = "sp-" + decade + "-" + row.getRecordNumber();
        boolean carols = row.getRecordNumber() % 10 == 0;
        Track track = track(id, row.get("track"), row.get("artist"), decade, features, carols ? "carol" : "curator",
            carols ? Visibility.PRIVATE : Visibility.PUBLIC);
        TRACKS.put(id, track);
        if (!carols) {
          PUBLIC_BY_DECADE.computeIfAbsent(decade, d -> new ArrayList<>()).add(track);
        }
      }
    }
    return skipped;
  }

  private static double num(CSVRecord row, String column) {
    return Double.parseDouble(row.get(column));
  }

  private static Track track(String id, String title, String artist, int year, AudioFeatures features, String owner,
      Visibility visibility) {
    return new Track(id, title, List.of(artist), artist, null, null, List.of(), year, null, null, null, null, owner,
        visibility, null, Map.of(), TrackStatus.METADATA_ONLY, NOW, NOW, 1, Rating.NONE, features);
  }

  /** The shared data sets beside the repository: {@code ../shared/datasets} from its root. */
  private static Path datasets() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null
        && !(Files.isRegularFile(dir.resolve("tonearm")) && Files.isRegularFile(dir.resolve("pom.xml")))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("cannot find the repository root (the folder with tonearm and pom.xml) above "
          + Path.of("").toAbsolutePath());
    }
    Path datasets = dir.resolveSibling("shared").resolve("datasets");
    if (!Files.isDirectory(datasets.resolve("catalog/spotify-hit-predictor"))) {
      throw new IllegalStateException("the real data sets are missing: expected " + datasets
          + "/catalog/spotify-hit-predictor (see the data sets README); this test reads its catalog from them");
    }
    return datasets;
  }
}
