package dev.tonearm.indexer;

import static dev.tonearm.indexer.FixtureIndex.MUSIC;
import static dev.tonearm.indexer.MusicFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeaturedArtistsTest {

  @ParameterizedTest(name = "\"{0}\" finds Get Lucky")
  @ValueSource(strings = {"pharrell", "pharrell williams", "daft punk", "daft punk get lucky", "get lucky pharrell"})
  void every_listed_artist_finds_the_track(String typed) {
    assertThat(MUSIC.top(typed)).isEqualTo(label(GET_LUCKY));
  }

  @ParameterizedTest(name = "\"{0}\" ({1}) finds {2}")
  @CsvSource(delimiter = '|', value = {
    "rihanna | ft. | This Is What You Came For · Calvin Harris ft. Rihanna",
    "dj snake | x | Lean On · Major Lazer x DJ Snake & MØ",
    "mø | & | Lean On · Major Lazer x DJ Snake & MØ",
    "vini vici | vs. | Great Spirit · Armin van Buuren vs. Vini Vici featuring Hilight Tribe",
    "hilight tribe | featuring | Great Spirit · Armin van Buuren vs. Vini Vici featuring Hilight Tribe",
    "dr dre | feat. | California Love · 2Pac feat. Dr. Dre & Roger Troutman",
    "roger troutman | & | California Love · 2Pac feat. Dr. Dre & Roger Troutman",
    "bowie pressure | , | Under Pressure · Queen, David Bowie",
  })
  void an_artist_named_only_in_the_display_credit_finds_the_track(String typed, String separator, String track) {
    assertThat(MUSIC.top(typed)).isEqualTo(track);
  }

  @Test
  void a_featured_artist_is_a_whole_name_match_like_a_main_artist() {
    assertThat(MUSIC.search("david bowie")).containsExactly(label(HALLO_SPACEBOY), label(UNDER_PRESSURE));
  }

  @Test
  void credits_split_on_every_separator_but_not_inside_names() {
    assertThat(ArtistCredits.split("Major Lazer x DJ Snake & MØ")).containsExactly("Major Lazer", "DJ Snake", "MØ");
    assertThat(ArtistCredits.split("Armin van Buuren vs. Vini Vici featuring Hilight Tribe"))
        .containsExactly("Armin van Buuren", "Vini Vici", "Hilight Tribe");
    assertThat(ArtistCredits.split("Song Artist (feat. Guest), Other FT. Third"))
        .containsExactly("Song Artist", "Guest", "Other", "Third");
    assertThat(ArtistCredits.split("Lil Nas X")).containsExactly("Lil Nas X");
    assertThat(ArtistCredits.split("AC/DC")).containsExactly("AC/DC");
  }
}
