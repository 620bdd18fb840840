package dev.tonearm.server.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tonearm.catalog.Page;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackRepository;
import dev.tonearm.catalog.Viewer;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo catalog shipped with Tonearm (real tracks from Chinook and the freemusi.cc database; see
 * {@code demo/ATTRIBUTION.md}), loaded as public tracks of the {@value #OWNER} user. Each row passes the same
 * checks as an API write. A load resumed after an interruption skips the ids already in the table, so it never
 * overwrites a track (or an edit made to one) and every stored version only grows.
 */
public final class DemoCatalog {
  public static final String RESOURCE = "/demo/demo-catalog.jsonl.gz";
  public static final String OWNER = "demo-catalog";
  private static final Logger LOG = LoggerFactory.getLogger(DemoCatalog.class);
  private static final int BATCH = 500;
  private static final int WRITERS = 4;

  private DemoCatalog() {}

  /**
   * Writes every demo track whose id is not in the table yet; returns how many were written. {@code stopping}
   * is checked between batches so a shutdown does not wait for the whole load.
   */
  public static int load(TrackRepository tracks, Clock clock, BooleanSupplier stopping) {
    long started = System.nanoTime();
    List<Track> all = new ArrayList<>();
    try (BufferedReader lines = open()) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        all.add(toTrack(Json.parse(line), clock));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the demo catalog", e);
    }
    Set<String> present = idsPresent(tracks);
    int written = writeInParallel(tracks, all.stream().filter(t -> !present.contains(t.id())).toList(), stopping);
    LOG.atInfo().addKeyValue("tracks", written).addKeyValue("tookMs", (System.nanoTime() - started) / 1_000_000)
        .log("demo catalog loaded");
    return written;
  }

  /** DynamoDB Local commits each batch on its own; a few writers at once keep its disk busy. */
  private static int writeInParallel(TrackRepository tracks, List<Track> all, BooleanSupplier stopping) {
    List<List<Track>> batches = new ArrayList<>();
    for (int from = 0; from < all.size(); from += BATCH) {
      batches.add(all.subList(from, Math.min(all.size(), from + BATCH)));
    }
    try (ExecutorService writers = Executors.newFixedThreadPool(WRITERS)) {
      List<Future<Integer>> done = new ArrayList<>();
      batches.forEach(b -> done.add(writers.submit(() -> stopping.getAsBoolean() ? 0 : tracks.createAll(b))));
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

  /** Ids of the demo owner's tracks already stored (none on a first start; some after an interrupted one). */
  private static Set<String> idsPresent(TrackRepository tracks) {
    Set<String> ids = new HashSet<>();
    Viewer owner = new Viewer(OWNER, false);
    String after = null;
    do {
      Page<Track> page = tracks.listVisible(owner, after, 100);
      page.items().stream().filter(t -> t.owner().equals(OWNER)).forEach(t -> ids.add(t.id()));
      after = page.lastId();
    } while (after != null);
    return ids;
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
