package dev.tonearm.indexer;

import static dev.tonearm.indexer.FixtureIndex.MUSIC;
import static dev.tonearm.indexer.MusicFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScriptsTest {

  @ParameterizedTest(name = "\"{0}\" finds Кино")
  @ValueSource(strings = {"кино", "КИНО", "группа крови", "крови", "kino", "gruppa krovi", "kino krovi"})
  void cyrillic_is_found_in_cyrillic_and_in_latin(String typed) {
    assertThat(MUSIC.top(typed)).isEqualTo(label(KINO));
  }

  @ParameterizedTest(name = "\"{0}\" finds Земфира")
  @ValueSource(strings = {"земфира", "zemfira", "искала", "iskala"})
  void zemfira_is_found_in_both_alphabets(String typed) {
    assertThat(MUSIC.top(typed)).isEqualTo(label(ZEMFIRA));
  }

  @ParameterizedTest(name = "\"{0}\" finds Μίκης Θεοδωράκης")
  @ValueSource(strings = {"μίκης", "μικης", "ΘΕΟΔΩΡΑΚΗΣ", "mikis", "theodorakis", "mikis theodorakis", "zorba"})
  void greek_is_found_with_or_without_tonos_and_in_latin(String typed) {
    assertThat(MUSIC.top(typed)).isEqualTo(label(ZORBA));
  }

  @ParameterizedTest(name = "\"{0}\" finds 群青日和")
  @ValueSource(strings = {"群青日和", "青", "群青", "日和", "東京事変", "事変", "東京"})
  void a_cjk_character_or_two_inside_a_name_finds_it(String typed) {
    assertThat(MUSIC.top(typed)).isEqualTo(label(TOKYO_JIHEN));
  }

  @ParameterizedTest(name = "\"{0}\" finds 夜に駆ける")
  @ValueSource(strings = {"夜に駆ける", "に駆ける", "駆け", "夜に"})
  void kana_and_kanji_mixed_are_found_from_inside(String typed) {
    assertThat(MUSIC.top(typed)).isEqualTo(label(YORU_NI_KAKERU));
  }

  @ParameterizedTest(name = "\"{0}\" finds アイドル")
  @ValueSource(strings = {"アイドル", "イド", "aidoru"})
  void katakana_is_found_from_inside_and_in_romaji(String typed) {
    assertThat(MUSIC.top(typed)).isEqualTo(label(IDOL));
  }
}
