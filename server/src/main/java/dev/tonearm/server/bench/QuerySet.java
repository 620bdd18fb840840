package dev.tonearm.server.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What listeners type, drawn from the catalog's own vocabulary with the same seed. Suggest queries are the
 * keystrokes of a search box: the first one to five letters of an artist or a title (artists by fame), whole
 * words, two words, whole artist names and words with one typo. Search queries are the discover page: a word, two
 * words, an artist or a prefix, or nothing (browsing), with a genre and/or a decade selected on most of them.
 *
 * @param suggest the {@code q} of each suggest request, in order
 * @param search each discover request, in order
 */
public record QuerySet(List<String> suggest, List<SearchCase> search) {

  /** One discover request: {@code q} may be empty (browse); facet selections may be empty. */
  public record SearchCase(String q, List<String> genres, List<String> decades) {}

  public static QuerySet draw(CatalogGenerator catalog, long seed, int size) {
    SplittableRandom r = CatalogGenerator.random(seed ^ 0x5EA4C4L, 0);
    Vocabulary v = catalog.vocabulary();
    List<String> suggest = new ArrayList<>();
    List<SearchCase> search = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      suggest.add(typed(r, catalog));
      search.add(new SearchCase(discoverText(r, catalog), selected(r, 0.45, () -> CatalogGenerator.pick(r, v.genres())),
          selected(r, 0.35, () -> decade(v.years()[r.nextInt(v.years().length)]))));
    }
    return new QuerySet(List.copyOf(suggest), List.copyOf(search));
  }

  private static String typed(SplittableRandom r, CatalogGenerator catalog) {
    Vocabulary v = catalog.vocabulary();
    double u = r.nextDouble();
    if (u < 0.30) {
      return keystrokes(r, artist(r, catalog));
    } else if (u < 0.50) {
      return keystrokes(r, CatalogGenerator.pick(r, v.titles()));
    } else if (u < 0.70) {
      return CatalogGenerator.pick(r, v.words());
    } else if (u < 0.82) {
      return CatalogGenerator.pick(r, v.words()) + " " + CatalogGenerator.pick(r, v.words());
    } else if (u < 0.90) {
      return artist(r, catalog);
    }
    return typo(r, CatalogGenerator.pick(r, v.words()));
  }

  private static String discoverText(SplittableRandom r, CatalogGenerator catalog) {
    Vocabulary v = catalog.vocabulary();
    double u = r.nextDouble();
    if (u < 0.35) {
      return CatalogGenerator.pick(r, v.words());
    } else if (u < 0.55) {
      return CatalogGenerator.pick(r, v.words()) + " " + CatalogGenerator.pick(r, v.words());
    } else if (u < 0.70) {
      return artist(r, catalog);
    } else if (u < 0.85) {
      return keystrokes(r, CatalogGenerator.pick(r, v.titles()));
    }
    return "";
  }

  private static String artist(SplittableRandom r, CatalogGenerator catalog) {
    return catalog.vocabulary().artists().get(catalog.artistFame().next(r));
  }

  /** The first one to five characters typed of {@code name}. */
  private static String keystrokes(SplittableRandom r, String name) {
    int end = Math.min(name.length(), 1 + r.nextInt(5));
    if (Character.isHighSurrogate(name.charAt(end - 1)) && end < name.length()) {
      end++; // never half a character
    }
    return name.substring(0, end).stripTrailing();
  }

  /** One slip of the finger in words of five letters or more: two letters swapped, one dropped or one doubled. */
  static String typo(SplittableRandom r, String word) {
    if (word.length() < 5 || !word.chars().allMatch(Character::isLetter)) {
      return word;
    }
    int at = 1 + r.nextInt(word.length() - 2);
    return switch (r.nextInt(3)) {
      case 0 -> word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
      case 1 -> word.substring(0, at) + word.substring(at + 1);
      default -> word.substring(0, at + 1) + word.substring(at);
    };
  }

  private static List<String> selected(SplittableRandom r, double share, java.util.function.Supplier<String> value) {
    return r.nextDouble() < share ? List.of(value.get()) : List.of();
  }

  private static String decade(int year) {
    return String.format(Locale.ROOT, "%ds", year / 10 * 10);
  }
}
