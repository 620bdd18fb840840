package dev.tonearm.server.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackRepository;
import dev.tonearm.server.http.Json;
import dev.tonearm.server.tracks.TrackChanges;
import dev.tonearm.server.tracks.TrackFields;
import dev.tonearm.server.tracks.TrackFields.ReadOnly;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo catalog shipped with Tonearm (real tracks from Chinook and the freemusi.cc database; see
 * {@code demo/ATTRIBUTION.md}), loaded into an empty catalog as public tracks of the {@value #OWNER} user. Each
 * row passes the same checks as an API write.
 */
public final class DemoCatalog {
  public static final String RESOURCE = "/demo/demo-catalog.jsonl.gz";
  public static final String OWNER = "demo-catalog";
  private static final Logger LOG = LoggerFactory.getLogger(DemoCatalog.class);
  private static final int BATCH = 500;
  private static final int WRITERS = 4;

  private DemoCatalog() {}

  /**
   * Writes every demo track (fixed ids, so a load interrupted and run again overwrites its own rows and nothing
   * else); returns how many were written.
   */
  public static int load(TrackRepository tracks, Clock clock) {
    long started = System.nanoTime();
    List<Track> all = new ArrayList<>();
    try (BufferedReader lines = open()) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        all.add(toTrack(Json.parse(line), clock));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the demo catalog", e);
    }
    int written = writeInParallel(tracks, all);
    LOG.atInfo().addKeyValue("tracks", written).addKeyValue("tookMs", (System.nanoTime() - started) / 1_000_000)
        .log("demo catalog loaded");
    return written;
  }

  /** DynamoDB Local commits each batch on its own; a few writers at once keep its disk busy. */
  private static int writeInParallel(TrackRepository tracks, List<Track> all) {
    List<List<Track>> batches = new ArrayList<>();
    for (int from = 0; from < all.size(); from += BATCH) {
      batches.add(all.subList(from, Math.min(all.size(), from + BATCH)));
    }
    try (ExecutorService writers = Executors.newFixedThreadPool(WRITERS)) {
      List<Future<Integer>> done = new ArrayList<>();
      batches.forEach(b -> done.add(writers.submit(() -> tracks.createAll(b))));
      int written = 0;
      for (Future<Integer> f : done) {
        written += f.get();
      }
      return written;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading the demo catalog", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not load the demo catalog", e.getCause());
    }
  }

  private static Track toTrack(JsonNode row, Clock clock) {
    ObjectNode fields = ((ObjectNode) row).deepCopy();
    String id = fields.remove("id").asText();
    fields.remove("source");
    return TrackChanges.create(id, TrackFields.check(fields, true, ReadOnly.REJECT), OWNER, clock.instant());
  }

  private static BufferedReader open() throws IOException {
    InputStream resource = DemoCatalog.class.getResourceAsStream(RESOURCE);
    if (resource == null) {
      throw new IllegalStateException("the demo catalog " + RESOURCE + " is missing from the build");
    }
    return new BufferedReader(new InputStreamReader(new GZIPInputStream(resource), StandardCharsets.UTF_8));
  }
}
