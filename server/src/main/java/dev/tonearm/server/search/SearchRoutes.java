package dev.tonearm.server.search;

import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Viewer;
import dev.tonearm.server.auth.AuthGate;
import dev.tonearm.server.http.Problem;
import dev.tonearm.server.http.QueryParams;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;

/**
 * {@code /v1/suggest} and {@code /v1/search}: parse and check parameters, answer 503 until the index is ready, and
 * hand the search to its {@link SearchPool}. Keystrokes and discover pages have a pool each, so a run of heavy
 * discover pages never queues ahead of keystrokes.
 */
public final class SearchRoutes {
  static final int MAX_QUERY_CHARS = 500;
  static final int MAX_FACET_VALUES = 50;

  private final SearchIndex index;
  private final SuggestService suggest;
  private final DiscoverService discover;
  private final SearchPool suggestPool;
  private final SearchPool discoverPool;

  public SearchRoutes(SearchIndex index, SuggestService suggest, DiscoverService discover, SearchPool suggestPool,
      SearchPool discoverPool) {
    this.index = index;
    this.suggest = suggest;
    this.discover = discover;
    this.suggestPool = suggestPool;
    this.discoverPool = discoverPool;
  }

  public void suggest(Context ctx) {
    String text = Objects.requireNonNullElse(query(ctx), "");
    int limit = QueryParams.intInRange(ctx, "limit", 1, 50, 10);
    requireReady();
    Viewer viewer = AuthGate.caller(ctx).viewer();
    suggestPool.answer(ctx, () -> suggest.suggest(viewer, text, limit));
  }

  public void search(Context ctx) {
    DiscoverRequest request = new DiscoverRequest(
        query(ctx),
        values(ctx, "genre"), values(ctx, "artist"), values(ctx, "album"), values(ctx, "decade"),
        year(ctx, "yearFrom"), year(ctx, "yearTo"), minRating(ctx),
        DiscoverRequest.Sort.fromWire(QueryParams.oneOf(ctx, "sort", DiscoverRequest.Sort.wireNames(), "relevance")),
        QueryParams.intInRange(ctx, "limit", 1, 100, 20),
        QueryParams.optional(ctx, "cursor"));
    requireReady();
    Viewer viewer = AuthGate.caller(ctx).viewer();
    discoverPool.answer(ctx, () -> discover.search(viewer, request));
  }

  private void requireReady() {
    if (!index.ready()) {
      throw Problem.unavailable("the search index is still being built; try again in a moment");
    }
  }

  private static String query(Context ctx) {
    String q = QueryParams.optional(ctx, "q");
    if (q != null && q.length() > MAX_QUERY_CHARS) {
      throw Problem.invalid(List.of(new Problem.FieldError("q", "must be at most " + MAX_QUERY_CHARS
          + " characters")));
    }
    return q;
  }

  private static List<String> values(Context ctx, String name) {
    List<String> values = ctx.queryParams(name).stream().filter(v -> !v.isBlank()).distinct().toList();
    if (values.size() > MAX_FACET_VALUES || values.stream().anyMatch(v -> v.length() > 200)) {
      throw Problem.invalid(List.of(new Problem.FieldError(name,
          "takes at most " + MAX_FACET_VALUES + " values of up to 200 characters")));
    }
    return values;
  }

  /** A number of stars from 1 to 5, fractions allowed ({@code 3.5}); absent means any track, rated or not. */
  private static Double minRating(Context ctx) {
    String value = QueryParams.optional(ctx, "minRating");
    if (value == null) {
      return null;
    }
    try {
      if (value.length() <= 20 && value.matches("[0-9]+(\\.[0-9]+)?")) {
        double stars = Double.parseDouble(value);
        if (stars >= Rating.MIN_STARS && stars <= Rating.MAX_STARS) {
          return stars;
        }
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw Problem.invalid(List.of(new Problem.FieldError("minRating", "must be a number of stars from "
        + Rating.MIN_STARS + " to " + Rating.MAX_STARS + ", e.g. 4 or 3.5")));
  }

  private static Integer year(Context ctx, String name) {
    return QueryParams.optional(ctx, name) == null ? null : QueryParams.intInRange(ctx, name, 1000, 2100, 0);
  }
}
