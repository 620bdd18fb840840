package dev.tonearm.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tonearm.server.http.ErrorBoundary;
import dev.tonearm.server.http.Json;
import dev.tonearm.server.http.Problem;
import dev.tonearm.server.http.RequestIds;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * Searches answered on a pool, over real HTTP: the answer comes from a pool thread under the request's id, a
 * failure there reaches the error boundary like one on the request thread, and a full line is a 503 that tells
 * the caller when to come back, while the requests already in line are still answered.
 */
class SearchPoolTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch started = new CountDownLatch(1);
  private SearchPool pool;
  private Javalin app;

  @BeforeEach
  void start() {
    pool = new SearchPool("test-search", 1, 1);
    app = Javalin.create(config -> config.showJavalinBanner = false);
    app.before(RequestIds::assign);
    app.get("/answer", ctx -> pool.answer(ctx, () -> Map.of("thread", Thread.currentThread().getName(),
        "requestId", String.valueOf(MDC.get("requestId")))));
    app.get("/invalid", ctx -> pool.answer(ctx, () -> {
      throw Problem.invalid(List.of(new Problem.FieldError("cursor", "is not one this server gave out")));
    }));
    app.get("/broken", ctx -> pool.answer(ctx, () -> {
      throw new IllegalStateException("a bug");
    }));
    app.get("/slow", ctx -> pool.answer(ctx, () -> {
      started.countDown();
      release.await(10, TimeUnit.SECONDS);
      return Map.of("slow", "done");
    }));
    ErrorBoundary.install(app);
    app.start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    release.countDown();
    app.stop();
    pool.close();
  }

  @Test
  void the_answer_is_computed_on_a_pool_thread_under_the_request_id() throws Exception {
    HttpResponse<String> response = get("/answer", "req-42");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = Json.MAPPER.readTree(response.body());
    assertThat(body.get("thread").asText()).startsWith("test-search-");
    assertThat(body.get("requestId").asText()).isEqualTo("req-42");
  }

  @Test
  void a_failure_on_the_pool_reaches_the_error_boundary() throws Exception {
    HttpResponse<String> invalid = get("/invalid", "req-1");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith(ErrorBoundary.PROBLEM_JSON));
    JsonNode problem = Json.MAPPER.readTree(invalid.body());
    assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("cursor");
    assertThat(problem.get("requestId").asText()).isEqualTo("req-1");

    HttpResponse<String> broken = get("/broken", "req-2");
    assertThat(broken.statusCode()).isEqualTo(500);
    assertThat(Json.MAPPER.readTree(broken.body()).get("detail").asText()).contains("req-2");
  }

  @Test
  void a_full_line_is_turned_away_with_retry_after_and_the_waiting_are_still_answered() throws Exception {
    CompletableFuture<HttpResponse<String>> running = getAsync("/slow");
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue(); // the pool's one thread is busy
    CompletableFuture<HttpResponse<String>> waiting = getAsync("/answer");
    awaitQueued();

    HttpResponse<String> turnedAway = get("/answer", "req-3");
    assertThat(turnedAway.statusCode()).isEqualTo(503);
    assertThat(turnedAway.headers().firstValue("Retry-After")).hasValue(SearchPool.RETRY_AFTER_SECONDS);
    assertThat(Json.MAPPER.readTree(turnedAway.body()).get("detail").asText()).contains("busy");

    release.countDown();
    assertThat(running.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(waiting.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(get("/answer", "req-4").statusCode()).isEqualTo(200);
  }

  /** Waits until the one waiting request is in the pool's line (the line holds one). */
  private void awaitQueued() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (pool.waiting() < 1) {
      assertThat(System.nanoTime()).as("the request reached the pool's line in time").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  private HttpResponse<String> get(String path, String requestId) throws Exception {
    return client.send(request(path).header(RequestIds.HEADER, requestId).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private CompletableFuture<HttpResponse<String>> getAsync(String path) {
    return client.sendAsync(request(path).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
  }
}
