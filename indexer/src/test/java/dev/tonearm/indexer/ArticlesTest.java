package dev.tonearm.indexer;

import static dev.tonearm.indexer.FixtureIndex.MUSIC;
import static dev.tonearm.indexer.MusicFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArticlesTest {

  @ParameterizedTest(name = "\"{0}\" finds The Beatles before the more popular tribute band")
  @ValueSource(strings = {"beatles", "the beatles", "The Beatles", "THE BEATLES"})
  void the_beatles_come_first_with_or_without_the_article(String typed) {
    assertThat(MUSIC.search(typed)).containsExactly(label(HEY_JUDE), label(TRIBUTE));
  }

  @Test
  void a_leading_article_is_optional_in_the_query() {
    assertThat(MUSIC.search("the beatles tribute")).containsExactly(label(TRIBUTE));
  }

  @Test
  void artist_and_title_together_find_the_song() {
    assertThat(MUSIC.top("the beatles hey jude")).isEqualTo(label(HEY_JUDE));
    assertThat(MUSIC.top("hey jude beatles")).isEqualTo(label(HEY_JUDE));
  }

  @Test
  void the_alone_still_finds_names_with_the() {
    assertThat(MUSIC.search("the"))
        .contains(label(HEY_JUDE), label(HALOGEN))
        .doesNotContain(label(BEYONCE_HALO));
  }
}
