package dev.tonearm.indexer;

import static dev.tonearm.indexer.FixtureIndex.MUSIC;
import static dev.tonearm.indexer.MusicFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackStatus;
import dev.tonearm.catalog.Visibility;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HostileInputTest {

  private static final String TEN_THOUSAND = "ab".repeat(5_000);

  static List<String> hostile() {
    return List.of(
        "title:foo AND (bar OR \"baz",
        "*:* OR id:[* TO *] -visibility:private",
        "fo?o~2 ^3 \\ / { } [ ] ! && ||",
        TEN_THOUSAND,
        "a ".repeat(5_000),
        "x".repeat(9_999) + "\uD83C\uDFB8",
        "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t ".repeat(10),
        "1-2-3-4-5-6-7-8-9-0-1-2-3-4-5-6-7-8-9 ".repeat(10),
        "\uD83C\uDFB8\uD83D\uDD25\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
        "\u0000\u0001\u0007\u001F\u007F\u0085",
        "\uD800", "\uDC00", "a\uDBFF", "\uDFFFb\uD800c",
        "\uFFFF\uFFFE\uE000\u202E\u200B",
        "\u0301\u0301\u0301",
        "tupac ".repeat(20),
        "2pac gnr tupac shakur makaveli 2pac gnr tupac makaveli 2pac",
        "");
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void hostile_text_neither_throws_nor_floods(String typed) throws IOException {
    Query query = TrackQueries.asYouType(typed);
    assertThat(TrackQueries.leaves(query)).isLessThan(IndexSearcher.getMaxClauseCount());
    assertThat(MUSIC.hits(query)).hasSizeLessThanOrEqualTo(FixtureIndex.TOP);
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void every_analyzer_copes_with_hostile_text(String text) {
    for (String field : List.of(SearchSchema.MATCH_EXACT, SearchSchema.MATCH_FOLDED, SearchSchema.MATCH_TRANSLIT,
        SearchSchema.MATCH_PREFIX, SearchSchema.MATCH_INFIX, SearchSchema.TITLE_KEY, SearchSchema.ARTIST_KEY)) {
      assertThatNoException().as(field).isThrownBy(() -> {
        consume(MusicAnalyzers.indexAnalyzer(), field, text);
        consume(MusicAnalyzers.queryAnalyzer(), field, text);
      });
    }
    assertThatNoException().isThrownBy(() -> consume(MusicAnalyzers.synonymAnalyzer(), "", text));
  }

  @Test
  void random_garbage_never_throws() {
    Random random = new Random(20_260_101L);
    int[] pool = {'a', 'Z', '0', ' ', ' ', '.', '/', '!', '$', '\'', '"', '(', ')', ':', '*', '?', '~', '\\', '-',
        0x00, 0x1F, 0x301, 0x2010, 0x2019, 0x200D, 0xFFFF, 0xD800, 0xDC00, 0xE9, 0xF8, 0x3B1, 0x43A, 0x306B,
        0x30A2, 0x9752, 0xAC00, 0x1F3B8, 0x1F525, 0x10FFFF};
    for (int round = 0; round < 100; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(300);
      for (int i = 0; i < length; i++) {
        text.appendCodePoint(pool[random.nextInt(pool.length)]);
      }
      String typed = text.toString();
      assertThatNoException().as(typed).isThrownBy(() -> MUSIC.hits(TrackQueries.asYouType(typed)));
    }
  }

  @Test
  void blank_text_matches_every_track() {
    assertThat(TrackQueries.asYouType(null)).isInstanceOf(MatchAllDocsQuery.class);
    assertThat(TrackQueries.asYouType("")).isInstanceOf(MatchAllDocsQuery.class);
    assertThat(TrackQueries.asYouType(" \t\u3000")).isInstanceOf(MatchAllDocsQuery.class);
  }

  @Test
  void text_with_nothing_searchable_matches_nothing() {
    assertThat(MUSIC.search("\uD83C\uDFB8 !!! &")).isEmpty();
  }

  @Test
  void control_characters_separate_words() {
    assertThat(MUSIC.top("hey\u0000jude\u0007")).isEqualTo(label(HEY_JUDE));
  }

  @Test
  void lone_surrogates_and_emoji_are_ignored() {
    assertThat(MUSIC.top("\uD800beyonc\u00E9\uDC00 \uD83D\uDC1D")).isEqualTo(label(BEYONCE_HALO));
  }

  @Test
  void query_syntax_is_just_words() {
    assertThat(MUSIC.search("title:halo")).isEmpty();
    assertThat(MUSIC.top("\"hey jude\"")).isEqualTo(label(HEY_JUDE));
    assertThat(MUSIC.top("hey* jude~")).isEqualTo(label(HEY_JUDE));
  }

  @Test
  void long_text_is_cut_to_its_first_ten_words() {
    assertThat(MUSIC.top("hey jude ".repeat(1_200))).isEqualTo(label(HEY_JUDE));
  }

  @Test
  void a_track_with_hostile_tags_indexes_and_is_found() {
    String junk = "\u0000\u001F\uD800" + TEN_THOUSAND + " \uD83C\uDFB8 \u202E";
    Track glitch = new Track("glitch", "Glitch " + junk, List.of("Noise\u001FMaker", " "), null, junk, null,
        List.of("\u001F", "", TEN_THOUSAND), 1999, null, null, null, null, "mallory", Visibility.PUBLIC, null, null,
        TrackStatus.METADATA_ONLY, null, null, 1, Rating.NONE, null);
    FixtureIndex index = FixtureIndex.of(List.of(glitch, HEY_JUDE));
    assertThat(index.top("glitch")).startsWith("Glitch ");
    assertThat(index.top("hey jude")).isEqualTo(label(HEY_JUDE));
  }

  private static void consume(Analyzer analyzer, String field, String text) throws IOException {
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      stream.reset();
      while (stream.incrementToken()) {
        // drain
      }
      stream.end();
    }
  }
}
