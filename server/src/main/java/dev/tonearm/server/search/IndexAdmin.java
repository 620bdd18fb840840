package dev.tonearm.server.search;

import dev.tonearm.server.http.Problem;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/**
 * {@code POST /v1/admin/index/rebuild}: asks the one index writer for a full rebuild from the table. Only the
 * embedded stack has its writer in-process; a replica in AWS says where the rebuild is triggered instead.
 */
public final class IndexAdmin {
  private final Runnable rebuild;

  private IndexAdmin(Runnable rebuild) {
    this.rebuild = rebuild;
  }

  /** A server whose process runs the index writer: {@code rebuild} hands it the request and returns at once. */
  public static IndexAdmin withWriter(Runnable rebuild) {
    return new IndexAdmin(rebuild);
  }

  /** A replica that only reads published generations. */
  public static IndexAdmin readOnly() {
    return new IndexAdmin(null);
  }

  public void rebuild(Context ctx) {
    if (rebuild == null) {
      throw new Problem(409, "Conflict", "this server only reads the index; the index writer runs elsewhere "
          + "(in AWS, invoke the index writer function with {\"action\":\"rebuild\"}, as the nightly schedule does)");
    }
    rebuild.run();
    ctx.status(HttpStatus.ACCEPTED).json(Map.of("status", "rebuilding",
        "detail", "the writer scans the table into a new lineage and publishes it; /ready shows indexGeneration"));
  }
}
