package dev.tonearm.server.bench;

import ch.qos.logback.classic.Level;
import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import dev.tonearm.server.App;
import dev.tonearm.server.Catalog;
import dev.tonearm.server.Media;
import dev.tonearm.server.Readiness;
import dev.tonearm.server.auth.AccessTokenVerifier;
import dev.tonearm.server.auth.DevIssuer;
import dev.tonearm.server.search.SearchIndex;
import dev.tonearm.server.tracks.Cursors;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * The real Tonearm server on a loopback port, as the HTTP tests assemble it (in-memory DynamoDB Local, an embedded
 * token issuer the verifier fetches keys from), serving a given index; and a client that calls it as the bench
 * users, each request with its user's signed token, which the server verifies every time. Each load thread keeps
 * one connection ({@link KeepAliveClient}), as browsers and API clients do.
 */
final class BenchServer implements AutoCloseable {
  private final AmazonDynamoDBLocal dynamo;
  private final DevIssuer issuer;
  private final App app;
  private final List<String> tokens = new ArrayList<>();
  private final List<KeepAliveClient> clients = new CopyOnWriteArrayList<>();
  private final ThreadLocal<KeepAliveClient> client;

  BenchServer(SearchIndex index) {
    // One INFO line per request is the server's access log; at thousands of requests a second it would measure
    // the terminal. Warnings and errors still show.
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(App.class)).setLevel(Level.WARN);
    Clock clock = Clock.systemUTC();
    dynamo = DynamoDBEmbedded.create();
    issuer = DevIssuer.ephemeral(clock).start();
    Catalog catalog = Catalog.dynamo(dynamo.dynamoDbClient(), "catalog", clock);
    Readiness readiness = new Readiness(Map.of("catalog", catalog.reachable(), "index", index::ready));
    app = new App(catalog, index, new AccessTokenVerifier(issuer.settings()), new Cursors(new byte[32]), readiness,
        clock, Media.withoutStorage()).start("127.0.0.1", 0);
    readiness.markStarted();
    int port = app.port();
    client = ThreadLocal.withInitial(() -> {
      KeepAliveClient c = new KeepAliveClient("127.0.0.1", port);
      clients.add(c);
      return c;
    });
    for (int u = 0; u < CatalogGenerator.USERS; u++) {
      tokens.add(issuer.accessToken(CatalogGenerator.username(u), false, Duration.ofHours(2)));
    }
  }

  /** Waits until the server says it is ready for traffic, as a load balancer would before sending any. */
  void awaitReady(Duration patience) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (client.get().get("/ready", tokens.get(0)).status() != 200) {
      if (System.nanoTime() > deadline) {
        throw new IOException("the server was not ready after " + patience);
      }
      Thread.sleep(100);
    }
  }

  void suggest(long n, String q) throws IOException {
    get(n, "/v1/suggest?q=" + encode(q));
  }

  void search(long n, QuerySet.SearchCase search) throws IOException {
    StringBuilder path = new StringBuilder("/v1/search?q=").append(encode(search.q()));
    search.genres().forEach(g -> path.append("&genre=").append(encode(g)));
    search.decades().forEach(d -> path.append("&decade=").append(encode(d)));
    get(n, path.toString());
  }

  /** Request {@code n} goes out as user {@code n mod USERS}. */
  private void get(long n, String pathAndQuery) throws IOException {
    KeepAliveClient.Response response = client.get().get(pathAndQuery, tokens.get((int) (n % tokens.size())));
    if (response.status() != 200) {
      throw new IOException(response.status() + " from " + pathAndQuery + ": "
          + new String(response.body(), StandardCharsets.UTF_8));
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public void close() {
    clients.forEach(KeepAliveClient::close);
    app.stop();
    issuer.close();
    dynamo.shutdown();
  }
}
