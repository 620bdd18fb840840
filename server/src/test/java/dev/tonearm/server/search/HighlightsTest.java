package dev.tonearm.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tonearm.indexer.MusicAnalyzers;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The ranges of a display text that the typed words match, in chars of the text as displayed. */
class HighlightsTest {

  @Test
  void typed_words_mark_the_start_of_each_word_they_begin() {
    assertThat(ranges("Beyoncé Knowles", "beyo")).isEqualTo("[0,4]");
    assertThat(ranges("BEYONCÉ", "Beyonce")).isEqualTo("[0,7]");
    assertThat(ranges("The Beatles", "the beat")).isEqualTo("[0,3] [4,8]");
    assertThat(ranges("AC/DC", "ac dc")).isEqualTo("[0,2] [3,5]");
    assertThat(ranges("Love Me Do", "lo")).isEqualTo("[0,2]");
    assertThat(ranges("Halo", "love")).isEmpty();
  }

  @Test
  void a_letter_that_folds_longer_is_covered_by_the_chars_it_takes() {
    // "ß" folds to "ss": "stras" and "strass" are both covered by "Straß", "strasse" takes all of "Straße".
    assertThat(ranges("Straße", "stras")).isEqualTo("[0,5]");
    assertThat(ranges("Straße", "strass")).isEqualTo("[0,5]");
    assertThat(ranges("Straße", "strasse")).isEqualTo("[0,6]");
    assertThat(ranges("Motörhead", "MOTORH")).isEqualTo("[0,6]");
  }

  @Test
  void ideographs_match_one_by_one() {
    assertThat(ranges("東京事変", "京")).isEqualTo("[1,2]");
  }

  @Test
  void nothing_typed_or_no_text_marks_nothing() {
    assertThat(ranges("Halo", " ")).isEmpty();
    assertThat(ranges("Halo", "!!")).isEmpty();
    assertThat(Highlights.of("halo").in(null)).isEmpty();
  }

  @Test
  void plain_letters_and_digits_fold_as_the_index_folds_them() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 128; c++) {
      String one = String.valueOf(c);
      assertThat(Highlights.fold(one)).as("char %d", (int) c).isEqualTo(MusicAnalyzers.fold(one));
      all.append(c);
    }
    assertThat(Highlights.fold(all.toString())).isEqualTo(MusicAnalyzers.fold(all.toString()));
    assertThat(Highlights.fold("MotorHEAD2000")).isEqualTo(MusicAnalyzers.fold("MotorHEAD2000"));
  }

  private static String ranges(String text, String typed) {
    return Highlights.of(typed).in(text).stream()
        .map(r -> "[" + r[0] + "," + r[1] + "]")
        .collect(Collectors.joining(" "));
  }
}
