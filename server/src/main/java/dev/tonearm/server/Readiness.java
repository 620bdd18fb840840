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
  private final Map<String, BooleanSupplier> checks;
  private final Map<String, Supplier<Object>> details = new ConcurrentHashMap<>();
  private volatile boolean started;

  /** {@code checks} name what must hold before traffic, e.g. "the catalog table is reachable". */
  public Readiness(Map<String, BooleanSupplier> checks) {
    this.checks = new ConcurrentHashMap<>(checks);
  }

  /** Adds a condition that must hold before traffic, e.g. one a part assembled later knows about. */
  public void addCheck(String what, BooleanSupplier check) {
    checks.put(what, check);
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
    checks.forEach((what, check) -> {
      if (!check.getAsBoolean()) {
        throw Problem.unavailable("not yet: " + what);
      }
    });
    Map<String, Object> body = new TreeMap<>();
    details.forEach((name, value) -> body.put(name, value.get()));
    body.put("status", "ready");
    ctx.json(body);
  }
}
