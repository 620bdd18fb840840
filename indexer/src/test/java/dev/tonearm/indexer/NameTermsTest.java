package dev.tonearm.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.junit.jupiter.api.Test;

/**
 * Pre-analysed names must index exactly as the analyzers would: the same terms, position increments and offsets
 * in every field, end included.
 */
class NameTermsTest {

  @Test
  void hard_names_get_the_terms_the_index_analyzer_gives_each_field() throws IOException {
    List<String> names = hardNames();
    assertThat(names).hasSizeGreaterThan(200);
    names.forEach(NameTermsTest::assertSameTermsAsTheAnalyzer);
  }

  @Test
  void very_long_names_get_the_terms_the_index_analyzer_gives_each_field() {
    List.of("x".repeat(300), "Ж".repeat(600), "群".repeat(400), "😀".repeat(300), "ab/".repeat(2000),
        "word ".repeat(3000), "P!nk Ke$ha ".repeat(500), "é".repeat(254) + "e\u0301" + "é".repeat(10))
        .forEach(NameTermsTest::assertSameTermsAsTheAnalyzer);
  }

  @Test
  void real_catalog_names_get_the_terms_the_index_analyzer_gives_each_field() throws IOException {
    Path catalog = repositoryRoot().resolveSibling("shared").resolve("datasets").resolve("catalog");
    assumeTrue(Files.isDirectory(catalog), "the shared data sets are not beside the repository");
    Set<String> names = new LinkedHashSet<>();
    names.addAll(cells(catalog.resolve("spotify-charts-2017/unique_tracks.tsv"), "\t", 400));
    names.addAll(cells(catalog.resolve("freemusicc/tracks.csv"), ",", 300));
    names.addAll(cells(catalog.resolve("lastfm-hetrec2011/artists.dat"), "\t", 300));
    names.addAll(cells(catalog.resolve("billboard-hot100/hot100_unique_songs.tsv"), "\t", 200));
    assertThat(names).hasSizeGreaterThan(500);
    names.forEach(NameTermsTest::assertSameTermsAsTheAnalyzer);
  }

  @Test
  void the_music_chars_filter_reads_as_the_two_pattern_filters_did() throws IOException {
    Pattern bang = Pattern.compile("(?<=\\p{L})!(?=\\p{L})");
    Pattern dollar = Pattern.compile("(?<=\\p{L})\\$(?=\\p{L})");
    for (String name : hardNames()) {
      CharFilter before = new PatternReplaceCharFilter(dollar, "s",
          new PatternReplaceCharFilter(bang, "i", new StringReader(name)));
      CharFilter now = new MusicChars(new StringReader(name));
      assertThat(readAll(now)).as(name).isEqualTo(readAll(before));
      for (int offset = 0; offset <= name.length(); offset++) {
        assertThat(now.correctOffset(offset)).as(name).isEqualTo(before.correctOffset(offset));
      }
    }
  }

  private static void assertSameTermsAsTheAnalyzer(String name) {
    NameTerms terms = NameTerms.of(name);
    for (String field : NameTerms.FIELDS) {
      AnalyzedTerms expected = AnalyzedTerms.of(MusicAnalyzers.indexAnalyzer().tokenStream(field, name));
      assertThat(AnalyzedTerms.of(terms.tokenStream(field))).as("%s of \"%s\"", field, name).isEqualTo(expected);
    }
  }

  private static List<String> hardNames() throws IOException {
    try (InputStream in = NameTermsTest.class.getResourceAsStream("hard-names.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isEmpty() && !line.startsWith("# "))
          .map(NameTermsTest::unescape)
          .toList();
    }
  }

  private static final Pattern ESCAPE = Pattern.compile("\\\\(t|n|0|x7f|u\\{([0-9A-F]+)})");

  private static String unescape(String line) {
    Matcher m = ESCAPE.matcher(line);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement = switch (m.group(1)) {
        case "t" -> "\t";
        case "n" -> "\n";
        case "0" -> "\0";
        case "x7f" -> "\u007f";
        default -> Character.toString(Integer.parseInt(m.group(2), 16));
      };
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    return m.appendTail(out).toString();
  }

  /** The distinct cells of a delimited file, headers and all: every string is a fair input. */
  private static List<String> cells(Path file, String separator, int nonAsciiLines) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> picked = new ArrayList<>();
    picked.addAll(lines.stream().filter(l -> !l.chars().allMatch(c -> c < 128)).limit(nonAsciiLines).toList());
    picked.addAll(lines.stream().limit(nonAsciiLines / 2).toList());
    return picked.stream().flatMap(l -> Stream.of(l.split(separator))).filter(c -> !c.startsWith("http")).distinct()
        .toList();
  }

  private static String readAll(Reader reader) throws IOException {
    StringBuilder out = new StringBuilder();
    char[] buffer = new char[7];
    for (int n; (n = reader.read(buffer)) != -1; ) {
      out.append(buffer, 0, n);
    }
    return out.toString();
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !(Files.isRegularFile(dir.resolve("tonearm")) && Files.isRegularFile(dir.resolve("pom.xml")))) {
      dir = dir.getParent();
    }
    assumeTrue(dir != null, "not inside the repository");
    return dir;
  }
}
