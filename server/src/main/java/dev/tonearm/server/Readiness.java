package dev.tonearm.server;

import dev.tonearm.server.http.Problem;
import io.javalin.http.Context;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.BooleanSupplier;

/**
 * {@code /health} answers while the process runs; {@code /ready} only once start-up is done and the catalog
 * answers, so a load balancer or a script knows when to send traffic. Background work that does not block
 * traffic (the dev stack's first demo load) reports its progress in the body.
 */
public final class Readiness {
  private final BooleanSupplier catalogReachable;
  private final Map<String, Supplier<Object>> details = new ConcurrentHashMap<>();
  private volatile boolean started;

  public Readiness(BooleanSupplier catalogReachable) {
    this.catalogReachable = catalogReachable;
  }

  public void markStarted() {
    started = true;
  }

  /** Adds a line to the {@code /ready} body, e.g. the progress of background start-up work. */
  public void addDetail(String name, Supplier<Object> value) {
    details.put(name, value);
  }

  public void health(Context ctx) {
    ctx.json(Map.of("status", "up"));
  }

  public void ready(Context ctx) {
    if (!started) {
      throw Problem.unavailable("starting up");
    }
    if (!catalogReachable.getAsBoolean()) {
      throw Problem.unavailable("the catalog table is not reachable");
    }
    Map<String, Object> body = new TreeMap<>();
    details.forEach((name, value) -> body.put(name, value.get()));
    body.put("status", "ready");
    ctx.json(body);
  }
}
