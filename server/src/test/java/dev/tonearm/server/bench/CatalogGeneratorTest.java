package dev.tonearm.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.Visibility;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bench catalog is reproducible and looks like music: checked on 5,000 tracks drawn from the real data sets. */
class CatalogGeneratorTest {
  private static final int N = 5_000;
  private static Vocabulary vocab;

  @BeforeAll
  static void readDataSets() throws IOException {
    vocab = Vocabulary.read(datasets());
  }

  @Test
  void the_same_seed_gives_the_same_tracks_and_another_seed_others() {
    List<Track> first = LongStream.range(0, 50).mapToObj(new CatalogGenerator(vocab, 42)::track).toList();
    List<Track> again = LongStream.range(0, 50).mapToObj(new CatalogGenerator(vocab, 42)::track).toList();
    List<Track> other = LongStream.range(0, 50).mapToObj(new CatalogGenerator(vocab, 7)::track).toList();

    assertThat(again).isEqualTo(first);
    assertThat(other.stream().map(Track::title).toList()).isNotEqualTo(first.stream().map(Track::title).toList());
  }

  @Test
  void the_query_set_is_reproducible_too() {
    CatalogGenerator catalog = new CatalogGenerator(vocab, 42);
    assertThat(QuerySet.draw(catalog, 42, 200)).isEqualTo(QuerySet.draw(new CatalogGenerator(vocab, 42), 42, 200));
  }

  @Test
  void names_genres_and_years_come_from_the_data_sets() {
    Set<String> genres = new HashSet<>(vocab.genres());
    Set<String> artists = new HashSet<>(vocab.artists());
    CatalogGenerator catalog = new CatalogGenerator(vocab, 42);
    for (long i = 0; i < N; i++) {
      Track t = catalog.track(i);
      assertThat(artists).containsAll(t.artists());
      assertThat(genres).containsAll(t.genres());
      assertThat(t.year()).isBetween(1900, 2030);
      assertThat(t.title()).isNotBlank();
    }
    assertThat(vocab.artists()).contains("Teddy Swims", "AC/DC");
    assertThat(vocab.genres()).contains("Rock", "Jazz");
  }

  @Test
  void artists_are_skewed_like_a_real_catalog_and_a_few_tracks_are_private() {
    CatalogGenerator catalog = new CatalogGenerator(vocab, 42);
    Map<String, Integer> perArtist = new HashMap<>();
    int privateTracks = 0;
    for (long i = 0; i < N; i++) {
      Track t = catalog.track(i);
      perArtist.merge(t.artists().getFirst(), 1, Integer::sum);
      privateTracks += t.visibility() == Visibility.PRIVATE ? 1 : 0;
    }
    int busiest = perArtist.values().stream().max(Integer::compare).orElseThrow();
    long singles = perArtist.values().stream().filter(c -> c == 1).count();

    assertThat(busiest).as("tracks of the most prolific artist").isBetween(N / 400, N / 20);
    assertThat(singles).as("artists with one track").isGreaterThan(perArtist.size() / 3);
    assertThat(privateTracks).isBetween(N / 100, N / 25);
  }

  /** The data sets live beside the repository, in {@code ../shared/datasets} from its root. */
  private static Path datasets() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !(Files.isRegularFile(dir.resolve("tonearm")) && Files.isRegularFile(dir.resolve("pom.xml")))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("cannot find the repository root (the folder with tonearm and pom.xml) above "
          + Path.of("").toAbsolutePath());
    }
    Path datasets = dir.resolveSibling("shared").resolve("datasets");
    if (!Files.isDirectory(datasets.resolve("catalog"))) {
      throw new IllegalStateException("the real data sets are missing: expected " + datasets
          + "/catalog (see the data sets README); this test draws its catalog from them");
    }
    return datasets;
  }
}
