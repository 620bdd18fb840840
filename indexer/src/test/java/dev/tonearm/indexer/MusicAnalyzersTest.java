package dev.tonearm.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class MusicAnalyzersTest {

  @Test
  void punctuated_names_index_as_their_parts_and_the_whole() throws IOException {
    assertThat(index(SearchSchema.MATCH_EXACT, "AC/DC")).containsExactlyInAnyOrder("ac", "acdc", "dc");
    assertThat(index(SearchSchema.MATCH_EXACT, "R.E.M.")).containsExactlyInAnyOrder("r", "rem", "e", "m");
    assertThat(index(SearchSchema.MATCH_EXACT, "P!nk Ke$ha")).containsExactly("pink", "kesha");
  }

  @Test
  void the_exact_field_keeps_accents_and_the_folded_one_drops_them() throws IOException {
    assertThat(index(SearchSchema.MATCH_EXACT, "Beyoncé Motörhead")).containsExactly("beyoncé", "motörhead");
    assertThat(index(SearchSchema.MATCH_FOLDED, "Beyoncé Dødheimsgard Œuvre Straße Paweł"))
        .containsExactly("beyonce", "dodheimsgard", "oeuvre", "strasse", "pawel");
  }

  @Test
  void the_translit_field_writes_every_script_but_han_in_ascii() throws IOException {
    assertThat(index(SearchSchema.MATCH_TRANSLIT, "Кино Μίκης アイドル 群青"))
        .containsExactly("kino", "mikis", "aidoru", "群青");
  }

  @Test
  void prefixes_are_edge_grams_at_index_time_and_whole_words_at_query_time() throws IOException {
    assertThat(index(SearchSchema.MATCH_PREFIX, "Hey")).containsExactly("h", "he", "hey");
    assertThat(query(SearchSchema.MATCH_PREFIX, "Beyo")).containsExactly("beyo");
  }

  @Test
  void cjk_is_indexed_as_unigrams_and_bigrams_and_queried_as_bigrams() throws IOException {
    assertThat(index(SearchSchema.MATCH_INFIX, "群青日和")).containsExactlyInAnyOrder(
        "群", "群青", "青", "青日", "日", "日和", "和");
    assertThat(query(SearchSchema.MATCH_INFIX, "青日和")).containsExactly("青日", "日和");
  }

  @Test
  void a_name_key_drops_the_article_and_everything_but_letters_and_digits() throws IOException {
    assertThat(index(SearchSchema.ARTIST_KEY, "The Beatles")).containsExactly("beatles");
    assertThat(index(SearchSchema.ARTIST_KEY, "Guns N’ Roses")).containsExactly("gunsnroses");
    assertThat(index(SearchSchema.ARTIST_KEY, "The The")).containsExactly("the");
  }

  private static List<String> index(String field, String text) throws IOException {
    return tokens(MusicAnalyzers.indexAnalyzer(), field, text);
  }

  private static List<String> query(String field, String text) throws IOException {
    return tokens(MusicAnalyzers.queryAnalyzer(), field, text);
  }

  private static List<String> tokens(Analyzer analyzer, String field, String text) throws IOException {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    }
    return tokens;
  }
}
