package dev.tonearm.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeepAliveClientTest {
  private HttpServer server;
  private final Set<Object> connections = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      connections.add(exchange.getRemoteAddress());
      String path = exchange.getRequestURI().toString();
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      byte[] body = (path + " " + auth + " " + "x".repeat(path.contains("big") ? 200_000 : 3))
          .getBytes(StandardCharsets.UTF_8);
      if (path.contains("close")) {
        exchange.getResponseHeaders().set("Connection", "close");
      }
      int status = path.contains("missing") ? 404 : 200;
      exchange.sendResponseHeaders(status, path.contains("chunked") ? 0 : body.length); // 0: chunked
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void bodies_of_every_framing_arrive_whole_over_one_connection() throws Exception {
    try (KeepAliveClient client = new KeepAliveClient("127.0.0.1", server.getAddress().getPort())) {
      assertThat(text(client.get("/a?q=1", "t1"))).isEqualTo("/a?q=1 Bearer t1 xxx");
      assertThat(text(client.get("/chunked", "t2"))).isEqualTo("/chunked Bearer t2 xxx");
      assertThat(text(client.get("/big/chunked", "t3"))).hasSize("/big/chunked Bearer t3 ".length() + 200_000);
      assertThat(text(client.get("/big", "t4"))).endsWith("x".repeat(1000));
      KeepAliveClient.Response missing = client.get("/missing", "t5");
      assertThat(missing.status()).isEqualTo(404);
      assertThat(connections).hasSize(1);
    }
  }

  @Test
  void a_connection_the_server_closes_is_opened_again() throws Exception {
    try (KeepAliveClient client = new KeepAliveClient("127.0.0.1", server.getAddress().getPort())) {
      assertThat(text(client.get("/close", "t"))).startsWith("/close");
      assertThat(text(client.get("/after", "t"))).startsWith("/after");
      assertThat(connections).hasSize(2);
    }
  }

  private static String text(KeepAliveClient.Response response) {
    assertThat(response.status()).isEqualTo(200);
    return new String(response.body(), StandardCharsets.UTF_8);
  }
}
