package dev.tonearm.server.ratings;

import dev.tonearm.catalog.RatingRepository;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackRepository;
import dev.tonearm.server.auth.Caller;
import dev.tonearm.server.http.Problem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The rules of ratings: a listener rates, re-rates or un-rates a track they may see (public, their own, or any as an
 * admin); any other track is "not found", as on every track route, and is never touched.
 */
public final class RatingService {
  private final TrackRepository tracks;
  private final RatingRepository ratings;

  public RatingService(TrackRepository tracks, RatingRepository ratings) {
    this.tracks = tracks;
    this.ratings = ratings;
  }

  /** The caller's stars (or none) and the track's aggregate. */
  public Map<String, Object> get(Caller caller, String trackId) {
    Track track = tracks.get(trackId).filter(t -> t.isVisibleTo(caller.viewer())).orElseThrow(() -> notFound(trackId));
    return view(track, ratings.stars(caller.userId(), trackId));
  }

  public Map<String, Object> rate(Caller caller, String trackId, int stars) {
    Track track = ratings.rate(caller.viewer(), trackId, stars).orElseThrow(() -> notFound(trackId));
    return view(track, OptionalInt.of(stars));
  }

  public void unrate(Caller caller, String trackId) {
    ratings.unrate(caller.viewer(), trackId).orElseThrow(() -> notFound(trackId));
  }

  private static Map<String, Object> view(Track track, OptionalInt stars) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("trackId", track.id());
    body.put("stars", stars.isPresent() ? stars.getAsInt() : null);
    body.put("rating", RatingView.of(track.rating()));
    return body;
  }

  private static Problem notFound(String id) {
    return Problem.notFound("no track with id '" + id + "'");
  }
}
