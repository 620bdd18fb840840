package dev.tonearm.server.recommend;

import dev.tonearm.server.auth.AuthGate;
import dev.tonearm.server.http.Problem;
import dev.tonearm.server.http.QueryParams;
import dev.tonearm.server.search.SearchIndex;
import io.javalin.http.Context;
import java.io.IOException;

/** {@code /v1/tracks/{id}/similar} and {@code /v1/recommendations}. */
public final class RecommendRoutes {
  private final SearchIndex index;
  private final RecommendService service;

  public RecommendRoutes(SearchIndex index, RecommendService service) {
    this.index = index;
    this.service = service;
  }

  public void similar(Context ctx) throws IOException {
    int limit = QueryParams.intInRange(ctx, "limit", 1, 50, 10);
    requireReady();
    ctx.json(service.similar(AuthGate.caller(ctx).viewer(), ctx.pathParam("id"), limit));
  }

  public void forCaller(Context ctx) throws IOException {
    int limit = QueryParams.intInRange(ctx, "limit", 1, 50, 20);
    requireReady();
    ctx.json(service.forCaller(AuthGate.caller(ctx).viewer(), limit));
  }

  private void requireReady() {
    if (!index.ready()) {
      throw Problem.unavailable("the search index is still being built; try again in a moment");
    }
  }
}
