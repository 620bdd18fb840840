package dev.tonearm.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which URIs of a playlist get the signature, and that nothing else in it changes. */
class PlaylistRewriterTest {
  private static final String SIGNING = "Policy=eyJ9&Signature=abc~_&Key-Pair-Id=KDEV1";

  @Test
  void relative_uris_in_lines_and_uri_attributes_carry_the_signature() {
    String variant = """
        #EXTM3U
        #EXT-X-VERSION:7
        #EXT-X-MAP:URI="init_0.mp4"
        #EXTINF:6.013968,
        aac_96k_000.m4s
        #EXT-X-ENDLIST
        """;
    assertThat(PlaylistRewriter.rewrite(variant, SIGNING)).isEqualTo("""
        #EXTM3U
        #EXT-X-VERSION:7
        #EXT-X-MAP:URI="init_0.mp4?%1$s"
        #EXTINF:6.013968,
        aac_96k_000.m4s?%1$s
        #EXT-X-ENDLIST
        """.formatted(SIGNING));
  }

  @Test
  void absolute_urls_keep_no_signature_and_existing_queries_are_extended() {
    String master = "#EXTM3U\r\n#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"a\",NAME=\"is\",URI=\"lang/is.m3u8?v=2\"\r\n"
        + "https://elsewhere.example/x.m3u8\r\n//elsewhere.example/y.m3u8\r\n\r\nlow.m3u8#frag";
    assertThat(PlaylistRewriter.rewrite(master, SIGNING)).isEqualTo("#EXTM3U\r\n"
        + "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"a\",NAME=\"is\",URI=\"lang/is.m3u8?v=2&" + SIGNING + "\"\r\n"
        + "https://elsewhere.example/x.m3u8\r\n//elsewhere.example/y.m3u8\r\n\r\nlow.m3u8?" + SIGNING + "#frag");
  }
}
