package dev.tonearm.server;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tonearm.server.auth.AccessTokenVerifier;
import dev.tonearm.server.auth.AuthGate;
import dev.tonearm.server.docs.ApiDocs;
import dev.tonearm.server.edge.EdgeRoutes;
import dev.tonearm.server.edge.SignatureVerifier;
import dev.tonearm.server.http.ErrorBoundary;
import dev.tonearm.server.http.Json;
import dev.tonearm.server.http.RequestIds;
import dev.tonearm.server.http.Route;
import dev.tonearm.server.imports.ImportRoutes;
import dev.tonearm.server.playback.PlaybackRoutes;
import dev.tonearm.server.playback.PlaybackService;
import dev.tonearm.server.playback.UrlSigner;
import dev.tonearm.server.ratings.RatingRoutes;
import dev.tonearm.server.ratings.RatingService;
import dev.tonearm.server.recommend.RecommendRoutes;
import dev.tonearm.server.recommend.RecommendService;
import dev.tonearm.server.search.DiscoverService;
import dev.tonearm.server.search.FacetStates;
import dev.tonearm.server.search.IndexAdmin;
import dev.tonearm.server.search.SearchIndex;
import dev.tonearm.server.search.SearchPool;
import dev.tonearm.server.search.SearchRoutes;
import dev.tonearm.server.search.SuggestService;
import dev.tonearm.server.imports.ImportService;
import dev.tonearm.server.tracks.Cursors;
import dev.tonearm.server.tracks.TrackRoutes;
import dev.tonearm.server.tracks.TrackService;
import dev.tonearm.server.uploads.UploadRoutes;
import dev.tonearm.server.users.UserRoutes;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Assembles the Javalin app from its parts: the route table, the auth gate, the error boundary. */
public final class App {
  /** Ordinary request bodies are JSON objects; imports stream and have their own cap. */
  public static final long MAX_BODY_BYTES = 1L << 20;
  static final int MAX_REQUEST_LINE_BYTES = 64 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(App.class);

  private final Javalin javalin;
  private final List<Route> routes;
  private final SearchPool suggestPool = SearchPool.perCore("suggest");
  private final SearchPool discoverPool = SearchPool.perCore("search");
  private volatile String host = "127.0.0.1";

  /**
   * The parts only some servers have: the index writer's rebuild hook (the embedded stack) and uploads (absent in
   * benchmarks and in tests that never upload, where the upload routes answer 503).
   */
  public record Extras(IndexAdmin indexAdmin, UploadRoutes uploads) {
    public static Extras none() {
      return new Extras(IndexAdmin.readOnly(), UploadRoutes.unavailable());
    }
  }

  public App(Catalog catalog, SearchIndex index, AccessTokenVerifier verifier, Cursors cursors, Readiness readiness,
      Clock clock, Media media) {
    this(catalog, index, verifier, cursors, readiness, clock, media, Extras.none());
  }

  public App(Catalog catalog, SearchIndex index, AccessTokenVerifier verifier, Cursors cursors, Readiness readiness,
      Clock clock, Media media, Extras extras) {
    ApiDocs docs = new ApiDocs(this::routes, swaggerUiVersion());
    Supplier<String> mediaBase = () -> mediaBaseUrl(media);
    FacetStates facetStates = new FacetStates();
    readiness.addCheck("the search index is warm", () -> facetStates.warmed(index));
    this.routes = ApiRoutes.all(readiness,
        new TrackRoutes(new TrackService(catalog.tracks(), cursors, clock)),
        new SearchRoutes(index, new SuggestService(index, facetStates),
            new DiscoverService(index, facetStates, cursors), suggestPool, discoverPool),
        new RecommendRoutes(index, new RecommendService(index, catalog.ratings())),
        new ImportRoutes(new ImportService(catalog.tracks(), clock)),
        new UserRoutes(catalog.users()),
        extras.uploads(),
        extras.indexAdmin(),
        docs,
        new PlaybackRoutes(new PlaybackService(catalog.tracks(), new UrlSigner(media.key(), mediaBase),
            media.playbackExtra(), clock)),
        new EdgeRoutes(new SignatureVerifier(Map.of(media.key().keyPairId(), media.key().publicKey()), clock),
            media.store(), mediaBase),
        new RatingRoutes(new RatingService(catalog.tracks(), catalog.ratings())));
    AuthGate gate = new AuthGate(verifier);
    this.javalin = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.http.maxRequestSize = MAX_BODY_BYTES;
      // Room for long query strings, so an over-long q gets a problem document naming it, not a bare 414.
      config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_REQUEST_LINE_BYTES));
      config.jsonMapper(new JavalinJackson(Json.MAPPER.copy().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS), true));
      config.staticFiles.enableWebjars();
      config.requestLogger.http((ctx, ms) -> LOG.atInfo()
          .addKeyValue("method", ctx.method().name()).addKeyValue("path", ctx.path())
          .addKeyValue("status", ctx.status().getCode()).addKeyValue("tookMs", Math.round(ms))
          .log("request"));
    });
    javalin.before(RequestIds::assign);
    javalin.beforeMatched(gate::check);
    javalin.after(ctx -> MDC.remove("requestId"));
    routes.forEach(r -> javalin.addHttpHandler(r.method(), r.path(), r.handler(), r.access()));
    ErrorBoundary.install(javalin);
  }

  /** The CDN's base URL; without one configured, this server's own {@code /media} edge, wherever it listens. */
  private String mediaBaseUrl(Media media) {
    return media.baseUrl().map(URI::toString).orElseGet(() -> "http://" + host + ":" + javalin.port() + "/media");
  }

  public List<Route> routes() {
    return routes;
  }

  public App start(String host, int port) {
    this.host = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    javalin.start(host, port);
    return this;
  }

  public int port() {
    return javalin.port();
  }

  public void stop() {
    javalin.stop();
    suggestPool.close(); // after the server: requests it was still answering needed them
    discoverPool.close();
  }

  private static String swaggerUiVersion() {
    Properties props = new Properties();
    try (InputStream in = App.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      if (in != null) {
        props.load(in);
      }
    } catch (IOException e) {
      LOG.warn("cannot read the Swagger UI version", e);
    }
    return props.getProperty("version", "unknown");
  }
}
