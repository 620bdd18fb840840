package dev.tonearm.server.playback;

import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackRepository;
import dev.tonearm.catalog.TrackStatus;
import dev.tonearm.server.auth.Caller;
import dev.tonearm.server.http.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides what a caller may play or download and signs the URL. HLS once the track is {@code READY}; the
 * original until then. A playback URL lives for the track's duration plus {@code extra}, so a listener who
 * pauses a little can still finish the track; CloudFront checks the expiry when each request starts.
 */
public final class PlaybackService {
  /** Roles in {@link Track#mediaKeys()}, as ingestion writes them. */
  public static final String ORIGINAL = "original";
  public static final String HLS = "hls";
  public static final String DOWNLOAD = "download";

  private final TrackRepository tracks;
  private final UrlSigner signer;
  private final Duration extra;
  private final Clock clock;

  public PlaybackService(TrackRepository tracks, UrlSigner signer, Duration extra, Clock clock) {
    this.tracks = tracks;
    this.signer = signer;
    this.extra = extra;
    this.clock = clock;
  }

  /**
   * A signed URL and what it points at: for play, {@code hls} (a master playlist) or {@code original} (the uploaded
   * file); for download, the file's type ({@code mp3}, {@code flac}…).
   */
  public record Grant(String url, String format, Instant expiresAt) {}

  public Grant play(Caller caller, String id) {
    Track track = visible(caller, id);
    Instant expires = expiry(track);
    String hls = track.mediaKeys().get(HLS);
    if (hls != null && track.status() == TrackStatus.READY) {
      return new Grant(signer.signUnder(hls, hlsDirectory(track, hls), expires), "hls", expires);
    }
    String original = track.mediaKeys().get(ORIGINAL);
    if (original != null) {
      return new Grant(signer.signExact(ownKey(track, original), expires), "original", expires);
    }
    throw noMedia(track, "play");
  }

  public Grant download(Caller caller, String id) {
    Track track = visible(caller, id);
    String key = track.mediaKeys().getOrDefault(DOWNLOAD, track.mediaKeys().get(ORIGINAL));
    if (key == null) {
      throw noMedia(track, "download");
    }
    Instant expires = expiry(track);
    return new Grant(signer.signExact(ownKey(track, key), expires), extension(key), expires);
  }

  /** A download's format is its file type ({@code mp3}, {@code flac}…): the client names the saved file with it. */
  private static String extension(String key) {
    String name = key.substring(key.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "original" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
  }

  private Track visible(Caller caller, String id) {
    return tracks.get(id).filter(t -> t.isVisibleTo(caller.viewer()))
        .orElseThrow(() -> Problem.notFound("no track with id '" + id + "'"));
  }

  /** Now + duration + extra, rounded up to the whole second CloudFront's policies count in. */
  private Instant expiry(Track track) {
    Instant at = clock.instant().plus(extra).plusMillis(track.durationMs() == null ? 0 : track.durationMs());
    return Instant.ofEpochSecond(at.getNano() == 0 ? at.getEpochSecond() : at.getEpochSecond() + 1);
  }

  /** The policy's wildcard covers the master playlist's directory, which must be inside the track's own prefix. */
  private static String hlsDirectory(Track track, String masterKey) {
    String key = ownKey(track, masterKey);
    return key.substring(0, key.lastIndexOf('/') + 1);
  }

  /** A media key outside {@code tracks/<id>/} would make a signature reach another track's files: refuse it. */
  private static String ownKey(Track track, String key) {
    String prefix = "tracks/" + track.id() + "/";
    if (!key.startsWith(prefix) || key.contains("..") || key.contains("*") || key.contains("?")) {
      throw new IllegalStateException("media key '" + key + "' of track " + track.id() + " is outside " + prefix);
    }
    return key;
  }

  private static Problem noMedia(Track track, String verb) {
    return Problem.conflict("track '" + track.id() + "' has no media to " + verb + " yet (status "
        + track.status().name() + "); it becomes playable once its upload is ingested");
  }
}
