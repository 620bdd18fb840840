package dev.tonearm.ingest.pipeline;

import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackRepository;
import dev.tonearm.catalog.TrackStatus;
import dev.tonearm.catalog.Viewer;
import java.util.Comparator;

/**
 * Step 3: if a READY track the uploader may see already has this content (someone uploaded the same file
 * while this one travelled), the upload settles on it and nothing is transcoded. Another user's private track
 * is never matched: its existence is not the uploader's to learn.
 */
final class SkipDuplicate implements Step {
  private final TrackRepository tracks;

  SkipDuplicate(TrackRepository tracks) {
    this.tracks = tracks;
  }

  @Override
  public String name() {
    return "skip duplicate";
  }

  @Override
  public void run(IngestJob job) {
    Viewer uploader = new Viewer(job.upload().owner(), false);
    tracks.findBySha256(job.upload().sha256()).stream()
        .filter(t -> t.status() == TrackStatus.READY && !t.id().equals(job.trackId()) && t.isVisibleTo(uploader))
        .min(Comparator.comparing((Track t) -> !t.owner().equals(uploader.userId()))
            .thenComparing(Track::createdAt))
        .ifPresent(existing -> job.duplicateOf(existing.id()));
  }
}
