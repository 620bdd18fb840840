package dev.tonearm.server;

import dev.tonearm.server.http.Problem;
import io.javalin.http.Context;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code /health} answers while the process runs; {@code /ready} only once the catalog answers and start-up
 * work (the demo catalog load in dev) is done, so a load balancer or a script knows when to send traffic.
 */
public final class Readiness {
  private final BooleanSupplier catalogReachable;
  private volatile boolean started;

  public Readiness(BooleanSupplier catalogReachable) {
    this.catalogReachable = catalogReachable;
  }

  public void markStarted() {
    started = true;
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
    ctx.json(Map.of("status", "ready"));
  }
}
