package dev.tonearm.server.tracks;

import dev.tonearm.catalog.Page;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackRepository;
import dev.tonearm.catalog.VersionConflictException;
import dev.tonearm.catalog.Viewer;
import dev.tonearm.server.auth.Caller;
import dev.tonearm.server.http.Problem;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The rules of the track API. Reads show only what the caller may see (another's private track is "not
 * found"); writes need the owner or an admin. A write with {@code If-Match} is applied to exactly that version
 * or refused; a write without it is re-applied to the newest version until it lands, so concurrent patches to
 * different fields never lose each other.
 */
public final class TrackService {
  static final int MAX_WRITE_ATTEMPTS = 10;

  private final TrackRepository tracks;
  private final Cursors cursors;
  private final Clock clock;

  public TrackService(TrackRepository tracks, Cursors cursors, Clock clock) {
    this.tracks = tracks;
    this.cursors = cursors;
    this.clock = clock;
  }

  /** A page of the caller's visible tracks and the cursor of the next one (null at the end). */
  public record Listing(java.util.List<Track> items, String nextCursor) {}

  public Listing list(Caller caller, String cursor, int limit) {
    String after = cursor == null ? null : cursors.open(caller.userId(), cursor);
    Page<Track> page = tracks.listVisible(caller.viewer(), after, limit);
    return new Listing(page.items(), page.hasMore() ? cursors.issue(caller.userId(), page.lastId()) : null);
  }

  /** Every visible track, page by page, without holding them all in memory. */
  public void forEachVisible(Caller caller, Consumer<Track> sink) {
    String after = null;
    do {
      Page<Track> page = tracks.listVisible(caller.viewer(), after, 100);
      page.items().forEach(sink);
      after = page.lastId();
    } while (after != null);
  }

  public Track get(Caller caller, String id) {
    return tracks.get(id).filter(t -> t.isVisibleTo(caller.viewer())).orElseThrow(() -> notFound(id));
  }

  public Track create(Caller caller, Map<String, Object> fields) {
    return tracks.create(TrackChanges.create(TrackIds.next(), fields, caller.userId(), clock.instant()));
  }

  public Track lookup(Caller caller, String fileName) {
    Viewer viewer = caller.viewer();
    return tracks.findByFileName(fileName).stream()
        .filter(t -> t.isVisibleTo(viewer))
        .min(Comparator.comparing((Track t) -> !t.owner().equals(viewer.userId()))
            .thenComparing(Track::createdAt).thenComparing(Track::id))
        .orElseThrow(() -> Problem.notFound("no track you can see has the file name '" + fileName + "'"));
  }

  public Track patch(Caller caller, String id, Map<String, Object> fields, OptionalLong ifMatch) {
    for (int attempt = 1; ; attempt++) {
      Track current = writable(caller, id);
      if (fields.isEmpty() && ifMatch.orElse(current.version()) == current.version()) {
        return current; // nothing to change: no write, no new version
      }
      long expected = ifMatch.orElse(current.version());
      try {
        return tracks.update(id, expected, t -> TrackChanges.apply(t, fields)).orElseThrow(() -> notFound(id));
      } catch (VersionConflictException conflict) {
        retryOrGiveUp(ifMatch, attempt, id, conflict);
      }
    }
  }

  public void delete(Caller caller, String id, OptionalLong ifMatch) {
    for (int attempt = 1; ; attempt++) {
      Track current = writable(caller, id);
      try {
        if (!tracks.delete(id, ifMatch.orElse(current.version()))) {
          throw notFound(id);
        }
        return;
      } catch (VersionConflictException conflict) {
        retryOrGiveUp(ifMatch, attempt, id, conflict);
      }
    }
  }

  private Track writable(Caller caller, String id) {
    Track current = get(caller, id);
    if (!caller.isAdmin() && !current.owner().equals(caller.userId())) {
      throw Problem.forbidden("only the track's owner or an admin may change it");
    }
    return current;
  }

  private static void retryOrGiveUp(OptionalLong ifMatch, int attempt, String id, VersionConflictException e) {
    if (ifMatch.isPresent()) {
      throw Problem.preconditionFailed("track " + id + " is no longer at version " + ifMatch.getAsLong()
          + "; fetch it again and retry with its current ETag");
    }
    if (attempt >= MAX_WRITE_ATTEMPTS) {
      throw e;
    }
  }

  private static Problem notFound(String id) {
    return Problem.notFound("no track with id '" + id + "'");
  }
}
