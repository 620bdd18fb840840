package dev.tonearm.ingest.pipeline;

import dev.tonearm.catalog.AlreadyExistsException;
import dev.tonearm.catalog.MediaLayout;
import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackRepository;
import dev.tonearm.catalog.TrackStatus;
import dev.tonearm.catalog.TrackTagsRepository;
import dev.tonearm.catalog.Upload;
import dev.tonearm.ingest.tags.AudioTags;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Step 9: the track, READY, with its tags beside it (written first, so a reader of the track finds them). The
 * table's stream then carries it into search. Run again after a crash, it finds its own track and keeps it.
 */
final class PublishTrack implements Step {
  private final TrackRepository tracks;
  private final TrackTagsRepository trackTags;
  private final Clock clock;

  PublishTrack(TrackRepository tracks, TrackTagsRepository trackTags, Clock clock) {
    this.tracks = tracks;
    this.trackTags = trackTags;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "publish track";
  }

  @Override
  public void run(IngestJob job) throws Exception {
    Upload upload = job.upload();
    AudioTags tags = job.tags();
    trackTags.put(tags.toTrackTags(upload.id()));
    Map<String, String> media = new LinkedHashMap<>();
    media.put(MediaLayout.ROLE_ORIGINAL, upload.objectKey());
    media.putAll(job.mediaKeys());
    Instant now = clock.instant();
    Track track = new Track(upload.id(), tags.title(), tags.artists(), tags.artist(), tags.album(),
        tags.albumArtist(), tags.genres(), tags.year(), durationMs(job), tags.trackNumber(), tags.discNumber(),
        upload.fileName(), upload.owner(), upload.visibility(), upload.sha256(), media, TrackStatus.READY, now,
        now, 1, Rating.NONE, null);
    try {
      job.track(tracks.create(track));
    } catch (AlreadyExistsException again) {
      Track existing = tracks.get(upload.id()).orElseThrow(() -> again);
      if (!upload.sha256().equals(existing.sha256())) {
        throw new IngestFailure("track id " + upload.id() + " is taken by other content");
      }
      job.track(existing);
    }
  }

  /** ffprobe's length when the container states one, else what the transcode decoded. */
  private static Long durationMs(IngestJob job) {
    Double seconds = job.probe().durationSeconds() != null ? job.probe().durationSeconds() : job.decodedSeconds();
    return seconds == null ? null : Math.round(seconds * 1000);
  }
}
