package dev.tonearm.ingest;

import dev.tonearm.catalog.MediaLayout;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.Upload;
import dev.tonearm.catalog.UploadStatus;
import dev.tonearm.catalog.VersionConflictException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An original was deleted from the media bucket: its track goes (the stream then takes it out of search), with
 * the tags beside it and every derived object, and its upload records why. If the key holds an object again
 * (deleted, then uploaded anew), the event is stale and nothing is removed.
 */
public final class Removal {
  private static final Logger LOG = LoggerFactory.getLogger(Removal.class);
  private static final int ATTEMPTS = 10;

  private final IngestStores stores;
  private final Retry retry = Retry.standard();

  public Removal(IngestStores stores) {
    this.stores = stores;
  }

  public IngestOutcome remove(String trackId, String key) throws Exception {
    if (retry.call("look at the original", () -> stores.media().head(key)).isPresent()) {
      return new IngestOutcome.Skipped(key + " exists again");
    }
    retry.run("delete the track", () -> deleteTrack(trackId));
    retry.run("delete the tags", () -> stores.tags().delete(trackId));
    int objects = retry.call("delete the media", () -> stores.media().deletePrefix(MediaLayout.prefix(trackId), null));
    retry.run("record the removal", () -> markUpload(trackId));
    LOG.atInfo().addKeyValue("trackId", trackId).addKeyValue("objects", objects).log("original removed");
    return new IngestOutcome.Removed(trackId);
  }

  private void deleteTrack(String trackId) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Optional<Track> track = stores.tracks().get(trackId);
      if (track.isEmpty()) {
        return;
      }
      try {
        stores.tracks().delete(trackId, track.get().version());
        return;
      } catch (VersionConflictException changing) {
        // written meanwhile: read the new version and delete that
      }
    }
    throw new VersionConflictException(trackId, -1);
  }

  private void markUpload(String trackId) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Optional<Upload> upload = stores.uploads().get(trackId);
      boolean itsTrack = upload.isPresent() && (!upload.get().status().isFinal()
          || (upload.get().status() == UploadStatus.READY && trackId.equals(upload.get().trackId())));
      if (!itsTrack) {
        return;
      }
      try {
        stores.uploads().update(trackId, upload.get().version(), u -> u.withStatus(UploadStatus.FAILED,
            "the original file was removed from storage; its track and media were deleted"));
        return;
      } catch (VersionConflictException changing) {
        // written meanwhile: look again
      }
    }
  }
}
