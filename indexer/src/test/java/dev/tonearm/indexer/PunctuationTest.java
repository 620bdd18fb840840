package dev.tonearm.indexer;

import static dev.tonearm.indexer.FixtureIndex.MUSIC;
import static dev.tonearm.indexer.MusicFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PunctuationTest {

  @ParameterizedTest(name = "\"{0}\" finds AC/DC")
  @ValueSource(strings = {"acdc", "ac dc", "ac/dc", "AC/DC", "ac-dc", "AC DC thunderstruck"})
  void ac_dc_is_found_however_the_slash_is_typed(String typed) {
    assertThat(MUSIC.search(typed).get(0)).isEqualTo(label(THUNDERSTRUCK));
  }

  @Test
  void acdc_finds_both_ac_dc_tracks_before_anything_else() {
    assertThat(MUSIC.search("acdc")).containsExactly(label(THUNDERSTRUCK), label(TNT));
  }

  @ParameterizedTest(name = "\"{0}\" finds P!nk first")
  @ValueSource(strings = {"pink", "p!nk", "P!NK"})
  void pink_finds_p_nk_before_pink_floyd(String typed) {
    assertThat(MUSIC.search(typed)).startsWith(label(PINK_SO_WHAT), label(PINK_FLOYD));
  }

  @Test
  void pink_floyd_is_still_pink_floyd() {
    assertThat(MUSIC.top("pink floyd")).isEqualTo(label(PINK_FLOYD));
  }

  @ParameterizedTest(name = "\"{0}\" finds R.E.M.")
  @ValueSource(strings = {"rem", "r.e.m.", "R.E.M", "r e m"})
  void r_e_m_is_found_with_or_without_dots(String typed) {
    assertThat(MUSIC.top(typed)).isEqualTo(label(REM));
  }

  @ParameterizedTest(name = "\"{0}\" finds Ke$ha")
  @ValueSource(strings = {"kesha", "ke$ha", "KE$HA", "tik tok", "tiktok"})
  void a_dollar_between_letters_reads_as_s(String typed) {
    assertThat(MUSIC.top(typed)).isEqualTo(label(KESHA));
  }

  @ParameterizedTest(name = "\"{0}\" finds alt‐J")
  @ValueSource(strings = {"altj", "alt j", "alt-j", "alt\u2010j", "ALT-J breezeblocks"})
  void alt_j_is_found_whatever_the_hyphen(String typed) {
    assertThat(MUSIC.top(typed)).isEqualTo(label(ALT_J));
  }

  @ParameterizedTest(name = "\"{0}\" finds T.N.T.")
  @ValueSource(strings = {"tnt", "t.n.t.", "T.N.T"})
  void t_n_t_is_found_as_one_word(String typed) {
    assertThat(MUSIC.top(typed)).isEqualTo(label(TNT));
  }

  @ParameterizedTest(name = "\"{0}\" finds Guns N’ Roses")
  @ValueSource(strings = {"guns n roses", "guns n' roses", "guns n\u2019 roses", "gunsnroses", "guns n"})
  void guns_n_roses_is_found_with_a_straight_curly_or_no_apostrophe(String typed) {
    assertThat(MUSIC.top(typed)).isEqualTo(label(GUNS_N_ROSES));
  }

  @ParameterizedTest(name = "\"{0}\" finds Sugarcane")
  @ValueSource(strings = {"sugar cane", "sugarcane", "Sugar Cane missy higgins"})
  void words_typed_apart_find_a_word_written_together(String typed) {
    assertThat(MUSIC.top(typed)).isEqualTo(label(SUGARCANE));
  }

  @Test
  void sugar_finds_the_song_called_sugar_before_sugarcane() {
    assertThat(MUSIC.search("sugar")).containsExactly(label(MAROON_5_SUGAR), label(SUGARCANE));
  }
}
