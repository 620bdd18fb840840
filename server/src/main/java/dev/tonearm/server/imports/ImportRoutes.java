package dev.tonearm.server.imports;

import dev.tonearm.server.auth.AuthGate;
import dev.tonearm.server.http.Problem;
import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** {@code POST /v1/admin/import}: the body is the file, its content type says CSV or JSON. */
public final class ImportRoutes {
  /** Imports stream, so they get a larger cap than the 1 MiB of ordinary JSON bodies. */
  public static final long MAX_IMPORT_BYTES = 256L << 20;

  private final ImportService service;

  public ImportRoutes(ImportService service) {
    this.service = service;
  }

  public void importTracks(Context ctx) {
    ImportRows.Format format = ImportRows.formatOf(ctx.contentType());
    ImportService.Result result = service.importRows(AuthGate.caller(ctx),
        new Capped(ctx.bodyInputStream(), MAX_IMPORT_BYTES), format);
    ctx.json(result);
  }

  /** Fails the import with a 413 once the body passes the cap, before reading it all into memory. */
  private static final class Capped extends FilterInputStream {
    private final long max;
    private long seen;

    Capped(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) {
      seen += n;
      if (seen > max) {
        throw new Problem(413, "Content Too Large", "an import may be at most " + (max >> 20) + " MiB");
      }
    }
  }
}
