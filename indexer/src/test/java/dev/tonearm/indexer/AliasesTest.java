package dev.tonearm.indexer;

import static dev.tonearm.indexer.FixtureIndex.MUSIC;
import static dev.tonearm.indexer.MusicFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AliasesTest {

  @ParameterizedTest(name = "\"{0}\" finds 2Pac")
  @ValueSource(strings = {"2pac", "tupac", "Tupac", "makaveli", "tupac shakur", "tupac california love"})
  void every_alias_of_2pac_finds_his_track(String typed) {
    assertThat(MUSIC.top(typed)).isEqualTo(label(CALIFORNIA_LOVE));
  }

  @Test
  void a_multi_word_alias_finds_its_abbreviation() {
    assertThat(MUSIC.top("gnr")).isEqualTo(label(GUNS_N_ROSES));
  }

  @Test
  void an_alias_does_not_add_unrelated_hits() {
    assertThat(MUSIC.search("tupac")).containsExactly(label(CALIFORNIA_LOVE));
  }

  @Test
  void the_synonyms_file_explains_how_to_add_a_line() throws IOException {
    try (InputStream in = MusicAnalyzers.class.getResourceAsStream(MusicAnalyzers.SYNONYMS_RESOURCE)) {
      String file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(file).startsWith("#").contains("Solr synonym format").contains("2pac, tupac, makaveli");
    }
  }
}
