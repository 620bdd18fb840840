package dev.tonearm.server.relevance;

import dev.tonearm.catalog.Track;
import dev.tonearm.indexer.MusicAnalyzers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One judged query: what was typed, in which category, and which tracks answer it. A track answers when its
 * title is {@code title} and one of its credited artists is {@code artist}; {@code title} {@value #ANY_TITLE}
 * means any track by the artist. Names compare case- and accent-folded, with curly quotes as straight ones; a
 * title also answers by its base, without a trailing bracket or dash part ("Work (feat. Drake)" is "Work").
 *
 * @param line the line of the judgments file, for error messages
 */
record Judgment(String category, String query, String title, String artist, int line) {

  /** The title that makes a judgment artist-level. */
  static final String ANY_TITLE = "*";
  static final String RESOURCE = "/relevance/judgments.tsv";

  /** The credit separators of the corpus: Billboard writes "Featuring", "With", "X", "&", "And"; Spotify ",". */
  private static final Pattern CREDIT = Pattern.compile(
      "\\s*,\\s*|\\s+(?:&|x|\\+|and|with|feat\\.?|ft\\.?|featuring|vs\\.?)\\s+",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern TITLE_TAIL = Pattern.compile("\\s+(?:[(\\[].*|-\\s.*)$");

  boolean artistLevel() {
    return ANY_TITLE.equals(title);
  }

  /** Whether the track named {@code names} answers this query. */
  boolean answeredBy(Names names) {
    return (artistLevel() || names.titles().contains(norm(title))) && names.artists().contains(norm(artist));
  }

  /** A track's title (whole and base) and credited artists (listed, whole credit, split credit), normalized. */
  record Names(Set<String> titles, Set<String> artists) {

    static Names of(Track track) {
      Set<String> titles = new HashSet<>();
      titles.add(norm(track.title()));
      titles.add(norm(TITLE_TAIL.matcher(track.title()).replaceFirst("")));
      Set<String> artists = new HashSet<>();
      track.artists().forEach(name -> artists.add(norm(name)));
      if (track.artist() != null) {
        artists.add(norm(track.artist()));
        for (String part : CREDIT.split(track.artist().replaceAll("[()\\[\\]]", " ").strip())) {
          artists.add(norm(part));
        }
      }
      return new Names(Set.copyOf(titles), Set.copyOf(artists));
    }
  }

  static String norm(String text) {
    String straight = text.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201c', '"').replace('\u201d', '"');
    return MusicAnalyzers.fold(straight).strip().replaceAll("\\s+", " ");
  }

  /** The judgments shipped with the suite. */
  static List<Judgment> load() throws IOException {
    InputStream in = Judgment.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("the judgments " + RESOURCE + " are missing from the build");
    }
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return parse(reader.lines().toList());
    }
  }

  /** Lines of {@code category TAB query TAB title TAB artist}; blank lines and {@code #} comments are skipped. */
  static List<Judgment> parse(List<String> lines) {
    List<Judgment> judgments = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      if (cells.length != 4 || cells[1].isBlank() || cells[2].isBlank() || cells[3].isBlank()) {
        throw new IllegalArgumentException("judgments line " + (i + 1) + ": want category, query, title, artist"
            + " separated by tabs, got: " + line);
      }
      judgments.add(new Judgment(cells[0].strip(), cells[1], cells[2].strip(), cells[3].strip(), i + 1));
    }
    return judgments;
  }
}
