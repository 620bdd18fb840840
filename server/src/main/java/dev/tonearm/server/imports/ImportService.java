package dev.tonearm.server.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackRepository;
import dev.tonearm.server.auth.Caller;
import dev.tonearm.server.http.Problem;
import dev.tonearm.server.tracks.TrackChanges;
import dev.tonearm.server.tracks.TrackFields;
import dev.tonearm.server.tracks.TrackFields.ReadOnly;
import dev.tonearm.server.tracks.TrackIds;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks import rows one by one and writes the good ones in batches as new tracks owned by the importing admin.
 * Read-only columns of an export (id, owner, version…) are ignored, so an export imports as copies.
 */
public final class ImportService {
  static final int BATCH = 500;
  static final int MAX_REPORTED_ERRORS = 1000;

  private final TrackRepository tracks;
  private final Clock clock;

  public ImportService(TrackRepository tracks, Clock clock) {
    this.tracks = tracks;
    this.clock = clock;
  }

  /** The outcome: rows written, rows refused, and the first {@value #MAX_REPORTED_ERRORS} refusals. */
  public record Result(int imported, int failed, List<RowError> errors) {}

  /** Why one row was refused; {@code row} counts data rows from 1. */
  public record RowError(int row, List<Problem.FieldError> errors) {}

  public Result importRows(Caller caller, InputStream body, ImportRows.Format format) {
    List<Track> batch = new ArrayList<>(BATCH);
    List<RowError> errors = new ArrayList<>();
    int[] counts = new int[2]; // imported, failed
    try {
      ImportRows.read(body, format, (row, node) -> {
        try {
          batch.add(toTrack(caller, node));
        } catch (Problem bad) {
          counts[1]++;
          if (errors.size() < MAX_REPORTED_ERRORS) {
            errors.add(new RowError(row, bad.errors().isEmpty()
                ? List.of(new Problem.FieldError("row", bad.detail())) : bad.errors()));
          }
        }
        if (batch.size() == BATCH) {
          counts[0] += flush(batch);
        }
      });
    } catch (Problem unreadable) {
      counts[0] += flush(batch); // rows read before the break are good: keep them, and say so
      if (counts[0] == 0) {
        throw unreadable;
      }
      throw new Problem(unreadable.status(), unreadable.title(), unreadable.detail() + "; the " + counts[0]
          + " good rows before that point were imported, nothing after it", unreadable.errors());
    }
    counts[0] += flush(batch);
    return new Result(counts[0], counts[1], errors);
  }

  private Track toTrack(Caller caller, JsonNode node) {
    Map<String, Object> fields = TrackFields.check(node, true, ReadOnly.IGNORE);
    return TrackChanges.create(TrackIds.next(), fields, caller.userId(), clock.instant());
  }

  private int flush(List<Track> batch) {
    int written = batch.isEmpty() ? 0 : tracks.createAll(batch);
    batch.clear();
    return written;
  }
}
