package dev.tonearm.indexer;

import static dev.tonearm.indexer.FixtureIndex.MUSIC;
import static dev.tonearm.indexer.MusicFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AsYouTypeTest {

  @Test
  void every_keystroke_of_beyonce_finds_her() {
    String word = "beyoncé";
    for (int length = 1; length <= word.length(); length++) {
      assertThat(MUSIC.search(word.substring(0, length))).as(word.substring(0, length)).contains(label(BEYONCE_HALO));
    }
  }

  @ParameterizedTest(name = "\"{0}\" puts Beyoncé first")
  @ValueSource(strings = {"beyo", "beyon", "beyonc", "beyonce"})
  void from_four_letters_beyonce_is_the_top_hit(String typed) {
    assertThat(MUSIC.top(typed)).isEqualTo(label(BEYONCE_HALO));
  }

  @ParameterizedTest(name = "\"{0}\" puts Hey Jude first")
  @ValueSource(strings = {"hey", "hey ", "hey j", "hey ju", "hey jud", "hey jude", "the beatles hey j"})
  void the_last_word_is_a_prefix(String typed) {
    assertThat(MUSIC.top(typed)).isEqualTo(label(HEY_JUDE));
  }

  @ParameterizedTest(name = "\"{0}\" finds its name in another script")
  @ValueSource(strings = {"зем", "zemf", "zem"})
  void prefixes_work_across_scripts(String typed) {
    assertThat(MUSIC.top(typed)).isEqualTo(label(ZEMFIRA));
  }

  @Test
  void a_complete_word_outranks_a_longer_word_it_starts() {
    assertThat(MUSIC.search("sugar")).containsExactly(label(MAROON_5_SUGAR), label(SUGARCANE));
  }

  @Test
  void the_first_keystroke_answers_with_popular_b_names() {
    assertThat(MUSIC.search("b")).hasSize(FixtureIndex.TOP).startsWith(label(TRIBUTE), label(HEY_JUDE));
  }

  @Test
  void the_first_keystroke_is_a_few_term_lookups_without_expansion() {
    Query query = TrackQueries.asYouType("b");
    assertThat(TrackQueries.leaves(query)).isLessThanOrEqualTo(10);
    assertThat(multiTermQueries(query)).isZero();
  }

  private static int multiTermQueries(Query query) {
    int[] count = {0};
    query.visit(new QueryVisitor() {
      @Override
      public void consumeTermsMatching(Query q, String field, java.util.function.Supplier<
          org.apache.lucene.util.automaton.ByteRunAutomaton> automaton) {
        count[0] += q instanceof MultiTermQuery ? 1 : 0;
      }
    });
    return count[0];
  }
}
