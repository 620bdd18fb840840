package dev.tonearm.ingest.tags;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TagInterpreterTest {

  private static RawTags raw(String... nameValues) {
    RawTags tags = new RawTags();
    for (int i = 0; i < nameValues.length; i += 2) {
      tags.add(nameValues[i], nameValues[i + 1]);
    }
    return tags;
  }

  @Test
  void numbers_come_alone_or_with_their_totals() {
    AudioTags tags = TagInterpreter.interpret(raw(TagNames.TRACK, "03/12", TagNames.DISC, "2",
        TagNames.DISC_TOTAL, "3"), "x.mp3");

    assertThat(tags.trackNumber()).isEqualTo(3);
    assertThat(tags.trackTotal()).isEqualTo(12);
    assertThat(tags.discNumber()).isEqualTo(2);
    assertThat(tags.discTotal()).isEqualTo(3);
  }

  @Test
  void out_of_range_values_are_dropped_not_stored_wrong() {
    AudioTags tags = TagInterpreter.interpret(raw(TagNames.TRACK, "99999", TagNames.DATE, "0000",
        TagNames.DISC, "-1", TagNames.RG_TRACK_GAIN, "loud"), "x.mp3");

    assertThat(tags.trackNumber()).isNull();
    assertThat(tags.year()).isNull();
    assertThat(tags.discNumber()).isNull();
    assertThat(tags.replayGain()).isNull();
  }

  @Test
  void years_come_from_full_dates() {
    assertThat(TagInterpreter.year("2008-03-11T00:00:00")).isEqualTo(2008);
    assertThat(TagInterpreter.year("1980")).isEqualTo(1980);
    assertThat(TagInterpreter.year("c. 1980")).isNull();
  }

  @Test
  void id3_genre_numbers_become_names() {
    assertThat(TagInterpreter.genres(java.util.List.of("(17)Rock", "(9)", "Electronic;Ambient", "17")))
        .containsExactly("Rock", "Metal", "Electronic;Ambient");
  }

  @Test
  void several_artists_stay_several_and_a_band_with_a_slash_stays_one() {
    AudioTags joint = TagInterpreter.interpret(raw(TagNames.ARTIST, "Beth Hart & Joe Bonamassa",
        TagNames.ARTISTS, "Beth Hart", TagNames.ARTISTS, "Joe Bonamassa"), "x.flac");
    AudioTags acdc = TagInterpreter.interpret(raw(TagNames.ARTIST, "AC/DC"), "x.flac");
    AudioTags nulls = TagInterpreter.interpret(raw(TagNames.ARTIST, "Jay-Z\u0000Beyoncé"), "x.mp3");

    assertThat(joint.artists()).containsExactly("Beth Hart", "Joe Bonamassa");
    assertThat(joint.artist()).isEqualTo("Beth Hart & Joe Bonamassa");
    assertThat(acdc.artists()).containsExactly("AC/DC");
    assertThat(nulls.artists()).containsExactly("Jay-Z", "Beyoncé");
  }

  @Test
  void a_missing_title_comes_from_the_file_name_without_its_track_number() {
    assertThat(TagInterpreter.titleOr(null, "04 Long Drive.flac")).isEqualTo("Long Drive");
    assertThat(TagInterpreter.titleOr(null, "01 - Ace of Spades.mp3")).isEqualTo("Ace of Spades");
    assertThat(TagInterpreter.titleOr(null, "1999.mp3")).isEqualTo("1999");
    assertThat(TagInterpreter.titleOr(null, "東京_ラブストーリー.m4a")).isEqualTo("東京 ラブストーリー");
  }

  @Test
  void text_loses_control_characters_and_is_cut_to_the_limit() {
    assertThat(TagInterpreter.text("\u0000Sigur\u0007 Rós\uFEFF ")).isEqualTo("Sigur Rós");
    assertThat(TagInterpreter.text("a".repeat(600))).hasSize(500);
    assertThat(TagInterpreter.text(" \u0000 ")).isNull();
  }

  @Test
  void musicbrainz_ids_and_replaygain_are_read_and_checked() {
    AudioTags tags = TagInterpreter.interpret(raw(TagNames.MB_RELEASE, "E7050302-74E6-42E4-ABA0-09EFD5D431D8",
        TagNames.MB_ARTIST, "not-an-id", TagNames.RG_ALBUM_GAIN, "+1,25 dB", TagNames.COMPILATION, "1"), "x.flac");

    assertThat(tags.musicBrainzIds()).containsOnly(
        java.util.Map.entry("release", "e7050302-74e6-42e4-aba0-09efd5d431d8"));
    assertThat(tags.replayGain().albumGainDb()).isEqualTo(1.25);
    assertThat(tags.compilation()).isTrue();
  }

  @Test
  void ffprobe_spellings_map_to_canonical_names() {
    assertThat(TagNames.canonical("ALBUM_ARTIST")).contains(TagNames.ALBUM_ARTIST);
    assertThat(TagNames.canonical("album artist")).contains(TagNames.ALBUM_ARTIST);
    assertThat(TagNames.canonical("MusicBrainz Album Id")).contains(TagNames.MB_RELEASE);
    assertThat(TagNames.canonical("lyrics-eng")).contains(TagNames.LYRICS);
    assertThat(TagNames.canonical("LYRICIST")).isEmpty();
  }
}
