package dev.tonearm.indexer;

import static dev.tonearm.indexer.FixtureIndex.MUSIC;
import static dev.tonearm.indexer.MusicFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A lone short word still being typed is the start of a popular name first; a space makes it a word again. */
class StillTypingTest {

  @Test
  void while_typing_lady_popular_lady_gaga_beats_the_obscure_title_lady() {
    assertThat(MUSIC.search("lady")).containsExactly(label(LADY_GAGA), label(OBSCURE_LADY));
  }

  @Test
  void a_space_after_lady_makes_it_a_whole_word_again() {
    assertThat(MUSIC.search("lady ")).containsExactly(label(OBSCURE_LADY), label(LADY_GAGA));
  }

  @Test
  void a_whole_name_still_breaks_near_ties_while_typing() {
    assertThat(MUSIC.search("pink")).startsWith(label(PINK_SO_WHAT), label(PINK_FLOYD));
  }

  @Test
  void a_typo_still_ranks_below_every_prefix_while_typing() {
    assertThat(MUSIC.search("halo")).endsWith(label(HALOGEN), label(HALLO_SPACEBOY));
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(delimiter = '|', value = {
    "la       | FIRST_LETTERS",
    "lady     | STARTED",
    "'lady '  | LAST",
    "ladyg    | STARTED",
    "ladyga   | LAST",
    "lady ga  | FIRST_LETTERS",
    "lady gag | LAST",
    "rós      | LAST",
    "'la '    | LAST",
  })
  void the_stage_of_the_last_word_follows_what_was_typed(String typed, WordMatch.Stage stage) {
    QueryText text = QueryText.of(typed);
    String last = text.words().getLast();
    assertThat(WordMatch.Stage.of(last, true, text.typing(), text.words().size() == 1)).isEqualTo(stage);
  }

  @Test
  void a_word_followed_by_punctuation_alone_is_no_longer_being_typed() {
    assertThat(QueryText.of("lady -").typing()).isFalse();
    assertThat(QueryText.of("lady").typing()).isTrue();
  }
}
