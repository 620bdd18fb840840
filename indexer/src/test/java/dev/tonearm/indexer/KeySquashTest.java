package dev.tonearm.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keys are squashed by hand exactly as the two regular expressions they replace did. */
class KeySquashTest {
  private static final Pattern LEADING_ARTICLE =
      Pattern.compile("^(?:" + String.join("|", MusicAnalyzers.LEADING_ARTICLES) + ")\\s+(?=\\S)");
  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");

  @Test
  void leading_articles_go_only_when_followed_by_whitespace_and_more() {
    for (String name : List.of("the beatles", "the  beatles", "the\tbeatles", "the", "the ", "the \t", "thebeatles",
        "an apple", "a an", "a a", "les x", "les", "le sx", "la\u000bx", "la\u00a0x", "the\u3000x", " the x", "die ärzte",
        "das 😀", "il \u0301", "a  !", "der-x", "a\nb", "a\rb", "a\fb", "elx", "el x y", "los ", "x the y")) {
      assertThat(KeySquash.squash(name, MusicAnalyzers.LEADING_ARTICLES)).as(name).isEqualTo(byRegex(name));
    }
  }

  @Test
  void hard_names_squash_as_the_regular_expressions_did() throws IOException {
    for (String name : hardNames()) {
      for (String variant : List.of(name, MusicAnalyzers.fold(name), "the " + MusicAnalyzers.fold(name))) {
        assertThat(KeySquash.squash(variant, MusicAnalyzers.LEADING_ARTICLES)).as(variant)
            .isEqualTo(byRegex(variant));
      }
    }
  }

  @Test
  void lone_surrogates_and_every_category_squash_as_the_regular_expressions_did() {
    StringBuilder all = new StringBuilder();
    for (int c = 0; c < 0x3000; c += 7) {
      all.appendCodePoint(c);
    }
    all.append("\ud800x\udc00y\ud83d\ude00");
    assertThat(KeySquash.squash(all.toString(), MusicAnalyzers.LEADING_ARTICLES)).isEqualTo(byRegex(all.toString()));
  }

  private static String byRegex(String text) {
    String noArticle = LEADING_ARTICLE.matcher(text).replaceFirst("");
    return NOT_ALPHANUMERIC.matcher(noArticle).replaceAll("");
  }

  private static List<String> hardNames() throws IOException {
    try (InputStream in = KeySquashTest.class.getResourceAsStream("hard-names.txt")) {
      return new ArrayList<>(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isEmpty() && !line.startsWith("# ")).toList());
    }
  }
}
