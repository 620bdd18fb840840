package dev.tonearm.indexer;

import static dev.tonearm.indexer.FixtureIndex.MUSIC;
import static dev.tonearm.indexer.MusicFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiacriticsTest {

  @ParameterizedTest(name = "\"{0}\" finds Beyoncé")
  @ValueSource(strings = {"beyonce", "Beyoncé", "BEYONCE", "beyonce\u0301"})
  void beyonce_is_found_with_or_without_the_accent(String typed) {
    assertThat(MUSIC.top(typed)).isEqualTo(label(BEYONCE_HALO));
  }

  @ParameterizedTest(name = "\"{0}\" finds Motörhead")
  @ValueSource(strings = {"motorhead", "Motörhead", "MOTÖRHEAD"})
  void motorhead_is_found_with_or_without_the_umlaut(String typed) {
    assertThat(MUSIC.top(typed)).isEqualTo(label(MOTORHEAD));
  }

  @ParameterizedTest(name = "\"{0}\" finds Dødheimsgard")
  @ValueSource(strings = {"dodheimsgard", "Dødheimsgard"})
  void slashed_o_folds_to_o(String typed) {
    assertThat(MUSIC.top(typed)).isEqualTo(label(DODHEIMSGARD));
  }

  @ParameterizedTest(name = "\"{0}\" finds Straße")
  @ValueSource(strings = {"strasse", "straße", "STRASSE"})
  void sharp_s_folds_to_ss(String typed) {
    assertThat(MUSIC.top(typed)).isEqualTo(label(STRASSE));
  }

  @ParameterizedTest(name = "\"{0}\" finds Paweł")
  @ValueSource(strings = {"pawel", "Paweł", "pawel kaczmarczyk"})
  void stroked_l_folds_to_l(String typed) {
    assertThat(MUSIC.top(typed)).isEqualTo(label(PAWEL));
  }

  @ParameterizedTest(name = "\"{0}\" finds Œuvre")
  @ValueSource(strings = {"oeuvre", "Œuvre", "œuvre pour piano", "saint saens", "Saint-Saëns"})
  void ligatures_and_diaereses_fold(String typed) {
    assertThat(MUSIC.top(typed)).isEqualTo(label(OEUVRE));
  }

  @Test
  void an_exact_accented_match_ranks_above_a_more_popular_folded_one() {
    assertThat(MUSIC.search("hoppípolla")).containsExactly(label(SIGUR_ROS), label(HOPPIPOLLA_LULLABY));
  }

  @Test
  void an_exact_unaccented_match_ranks_above_a_folded_one() {
    assertThat(MUSIC.search("hoppipolla")).containsExactly(label(HOPPIPOLLA_LULLABY), label(SIGUR_ROS));
  }

  @Test
  void sigur_ros_is_found_without_the_acute() {
    assertThat(MUSIC.top("sigur ros")).isEqualTo(label(SIGUR_ROS));
  }

  @ParameterizedTest(name = "\"{0}\" finds Beyoncé's Halo, not the more popular one")
  @ValueSource(strings = {"beyoncé halo", "beyonce halo", "halo beyonce"})
  void the_artist_decides_between_two_halos(String typed) {
    assertThat(MUSIC.search(typed)).containsExactly(label(BEYONCE_HALO));
  }
}
