package dev.tonearm.ingest;

import dev.tonearm.catalog.Upload;

/** What handling one storage event came to. */
public sealed interface IngestOutcome {

  /** The upload is READY: its own new track, or a track with the same content that existed already. */
  record Ready(Upload upload) implements IngestOutcome {}

  /** The file cannot become a track; the upload says why. */
  record Failed(Upload upload) implements IngestOutcome {}

  /** Storage kept failing; the upload is back to UPLOADED and will be tried again. */
  record Deferred(Upload upload, String why) implements IngestOutcome {}

  /** The original was removed: its track, tags and media are gone. */
  record Removed(String trackId) implements IngestOutcome {}

  /** Nothing to do: an event for something else, a duplicate delivery, an upload another worker holds. */
  record Skipped(String why) implements IngestOutcome {}
}
