package dev.tonearm.indexer;

import static dev.tonearm.indexer.FixtureIndex.MUSIC;
import static dev.tonearm.indexer.MusicFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TyposTest {

  @ParameterizedTest(name = "\"{0}\" finds {1}")
  @CsvSource({
    "beyonse, Halo · Beyoncé",
    "beyonse halo, Halo · Beyoncé",
    "motorhed, Ace of Spades · Motörhead",
    "hey jdue, Hey Jude · The Beatles",
    "thunderstuck, Thunderstruck · AC/DC",
    "zemfria, Искала · Земфира",
    "theodorakys, Zorba · Μίκης Θεοδωράκης",
  })
  void one_typo_in_a_word_of_four_or_more_letters_is_forgiven(String typed, String expected) {
    assertThat(MUSIC.top(typed)).isEqualTo(expected);
  }

  @Test
  void typos_are_looked_for_only_when_the_words_as_typed_fill_less_than_the_page() throws Exception {
    List<Query> run = new ArrayList<>();
    TopDocs full = TrackQueries.typedFirst("halo ", 1, match -> {
      run.add(match);
      return MUSIC.searcher().search(match, 1);
    }).top();
    assertThat(run).hasSize(1);
    assertThat(MUSIC.hits(run.get(0))).first().isEqualTo(label(DEPECHE_MODE_HALO));
    assertThat(full.scoreDocs).hasSize(1);

    run.clear();
    TopDocs corrected = TrackQueries.typedFirst("beyonse", 1, match -> {
      run.add(match);
      return MUSIC.searcher().search(match, 1);
    }).top();
    assertThat(run).hasSize(2);
    assertThat(MUSIC.hits(run.get(0))).isEmpty();
    assertThat(MUSIC.hits(run.get(1))).first().isEqualTo("Halo · Beyoncé");
    assertThat(corrected.scoreDocs).hasSize(1);
  }

  @Test
  void a_words_typo_rewrite_is_made_once_per_reader_and_matches_as_the_plain_one_does() throws Exception {
    FuzzyQuery plain = new FuzzyQuery(new Term(SearchSchema.MATCH_TRANSLIT, "beyonse"), 1, 1, 20, true);
    KeptRewrite kept = new KeptRewrite(plain);
    Query first = MUSIC.searcher().rewrite(kept);
    assertThat(MUSIC.searcher().rewrite(new KeptRewrite(plain))).isSameAs(first);
    assertThat(MUSIC.hits(kept)).isEqualTo(MUSIC.hits(plain)).contains("Halo · Beyoncé");
    FixtureIndex other = FixtureIndex.of(List.of(MusicFixtures.all().get(0)));
    assertThat(other.searcher().rewrite(kept)).isNotSameAs(first);
  }

  @Test
  void two_typos_are_forgiven_in_a_word_of_eight_or_more_letters() {
    assertThat(MUSIC.top("thundrstrck")).isEqualTo(label(THUNDERSTRUCK));
  }

  @Test
  void two_typos_are_too_many_for_a_word_under_eight_letters() {
    assertThat(MUSIC.search("bayonse")).isEmpty();
  }

  @Test
  void the_first_letter_must_be_right() {
    assertThat(MUSIC.search("deyonce")).isEmpty();
  }

  @Test
  void short_words_get_no_typo_tolerance() {
    assertThat(MUSIC.search("rem")).containsExactly(label(REM));
    assertThat(MUSIC.search("ram")).containsExactly(label(RAM_ON));
  }

  @Test
  void exact_beats_prefix_beats_typo_whatever_the_popularity_once_the_word_is_typed() {
    assertThat(MUSIC.search("halo ")).containsExactly(
        label(DEPECHE_MODE_HALO), label(BEYONCE_HALO), label(HALOGEN), label(HALLO_SPACEBOY));
  }

  @Test
  void while_a_short_word_is_being_typed_a_typo_match_still_comes_last() {
    assertThat(MUSIC.search("halo")).hasSize(4).last().isEqualTo(label(HALLO_SPACEBOY));
  }

  @Test
  void a_typo_match_never_outranks_exact_ones() {
    assertThat(MUSIC.search("pink")).containsExactly(label(PINK_SO_WHAT), label(PINK_FLOYD), label(GET_LUCKY));
  }
}
