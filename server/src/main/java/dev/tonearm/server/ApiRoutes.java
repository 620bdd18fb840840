package dev.tonearm.server;

import static dev.tonearm.server.http.Access.ADMIN;
import static dev.tonearm.server.http.Access.PUBLIC;
import static dev.tonearm.server.http.Access.USER;
import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.HEAD;
import static io.javalin.http.HandlerType.OPTIONS;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import dev.tonearm.server.docs.ApiDocs;
import dev.tonearm.server.edge.EdgeRoutes;
import dev.tonearm.server.http.Route;
import dev.tonearm.server.http.Route.Param;
import dev.tonearm.server.imports.ImportRoutes;
import dev.tonearm.server.playback.PlaybackRoutes;
import dev.tonearm.server.ratings.RatingRoutes;
import dev.tonearm.server.recommend.RecommendRoutes;
import dev.tonearm.server.search.IndexAdmin;
import dev.tonearm.server.search.SearchRoutes;
import dev.tonearm.server.tracks.TrackRoutes;
import dev.tonearm.server.uploads.UploadRoutes;
import dev.tonearm.server.users.UserRoutes;
import java.util.List;

/**
 * Every endpoint of the API, on one screen. Order matters where paths overlap: fixed segments
 * ({@code /v1/tracks/lookup}) come before parameters ({@code /v1/tracks/{id}}).
 */
public final class ApiRoutes {
  private ApiRoutes() {}

  public static List<Route> all(Readiness readiness, TrackRoutes tracks, SearchRoutes search,
      RecommendRoutes recommend, ImportRoutes imports, UserRoutes users, UploadRoutes uploads, IndexAdmin index,
      ApiDocs docs, PlaybackRoutes playback, EdgeRoutes edge, RatingRoutes ratings) {
    return List.of(
        Route.of(GET, "/health", PUBLIC, "Liveness: the process is up", readiness::health),
        Route.of(GET, "/ready", PUBLIC, "Readiness: the catalog answers and start-up is done", readiness::ready),
        Route.of(GET, "/openapi.json", PUBLIC, "This API as an OpenAPI 3.1 document", docs::openApi),
        Route.of(GET, "/docs", PUBLIC, "A browsable view of the OpenAPI document", docs::ui),

        Route.of(GET, "/v1/me", USER, "The caller's profile, created on first sight", users::me),
        Route.of(PATCH, "/v1/me", USER, "Rename the caller", users::rename).withBody("application/json"),

        Route.of(GET, "/v1/tracks", USER, "Tracks the caller can see, in a stable order", tracks::list)
            .withParams(new Param("limit", "1..100, default 25", false),
                new Param("cursor", "nextCursor of the previous page", false)),
        Route.of(POST, "/v1/tracks", USER, "Create a track owned by the caller", tracks::create)
            .withBody("application/json"),
        Route.of(GET, "/v1/tracks/lookup", USER, "Find a track by its original file name", tracks::lookup)
            .withParams(new Param("fileName", "exact original file name", true)),
        Route.of(GET, "/v1/tracks/export", USER, "Stream every track the caller can see", tracks::export)
            .withParams(new Param("format", "json (one array, default) or csv", false)),
        Route.of(GET, "/v1/tracks/{id}", USER, "One track, with its version as ETag", tracks::get),
        Route.of(PATCH, "/v1/tracks/{id}", USER, "Change a track's fields (owner or admin; If-Match)",
            tracks::patch).withBody("application/json"),
        Route.of(DELETE, "/v1/tracks/{id}", USER, "Delete a track (owner or admin; If-Match)", tracks::delete),
        Route.of(GET, "/v1/tracks/{id}/play", USER, "A signed URL to play the track: HLS, or the original until "
            + "HLS is ready", playback::play),
        Route.of(GET, "/v1/tracks/{id}/download", USER, "A signed URL to download the track (its MP3 or original)",
            playback::download),
        Route.of(GET, "/v1/tracks/{id}/rating", USER, "The caller's stars (or null) and the track's average and count",
            ratings::get),
        Route.of(PUT, "/v1/tracks/{id}/rating", USER, "Rate the track: {\"stars\": 1..5}; bumps the track's version",
            ratings::put).withBody("application/json"),
        Route.of(DELETE, "/v1/tracks/{id}/rating", USER, "Withdraw the caller's rating (204, also when there was none)",
            ratings::delete),

        Route.of(GET, "/v1/suggest", USER, "Search as you type: tracks, artists, albums, completions",
            search::suggest).withParams(new Param("q", "what has been typed so far", false),
                new Param("limit", "tracks to return, 1..50, default 10", false)),
        Route.of(GET, "/v1/search", USER, "The discover page: search or browse with multi-select facets",
            search::search).withParams(new Param("q", "search text; empty browses everything", false),
                new Param("genre", "repeatable facet filter", false),
                new Param("artist", "repeatable facet filter", false),
                new Param("album", "repeatable facet filter", false),
                new Param("decade", "repeatable facet filter, e.g. 1990s", false),
                new Param("yearFrom", "1000..2100", false), new Param("yearTo", "1000..2100", false),
                new Param("minRating", "least average stars, 1..5 (e.g. 4 or 3.5); rated tracks only", false),
                new Param("sort", "relevance, popularity, title, year, -year or added", false),
                new Param("limit", "1..100, default 20", false),
                new Param("cursor", "nextCursor of the previous page", false)),

        Route.of(GET, "/v1/tracks/{id}/similar", USER, "Tracks like this one (artists, genres, era, words)",
            recommend::similar).withParams(new Param("limit", "1..50, default 10", false)),
        Route.of(GET, "/v1/recommendations", USER, "Tracks for the caller, diversified by artist",
            recommend::forCaller).withParams(new Param("limit", "1..50, default 20", false)),

        Route.of(POST, "/v1/uploads", USER, "Start an upload: presigned URL(s), or the track that has the content",
            uploads::create).withBody("application/json"),
        Route.of(GET, "/v1/uploads", USER, "The caller's uploads, newest first", uploads::list)
            .withParams(new Param("limit", "1..100, default 25", false),
                new Param("cursor", "nextCursor of the previous page", false)),
        Route.of(GET, "/v1/uploads/{id}", USER, "One upload and its status (owner or admin)", uploads::get),
        Route.of(POST, "/v1/uploads/{id}/complete", USER, "Assemble a multipart upload from its parts' ETags",
            uploads::complete).withBody("application/json"),

        Route.of(POST, "/v1/admin/import", ADMIN, "Bulk import tracks from CSV or JSON", imports::importTracks)
            .withBody("text/csv, application/json"),
        Route.of(POST, "/v1/admin/index/rebuild", ADMIN, "Rebuild the search index from the catalog (202)",
            index::rebuild),

        // The local CDN edge: public because the CloudFront signature in the query string is the credential.
        Route.of(GET, "/media/*", PUBLIC, "A media object, for a CloudFront-signed URL (local CDN edge)", edge::get),
        Route.of(HEAD, "/media/*", PUBLIC, "A media object's headers, for a CloudFront-signed URL", edge::head),
        Route.of(OPTIONS, "/media/*", PUBLIC, "CORS preflight of the media edge", edge::preflight));
  }
}
