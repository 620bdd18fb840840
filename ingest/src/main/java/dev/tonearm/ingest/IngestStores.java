package dev.tonearm.ingest;

import dev.tonearm.catalog.TrackRepository;
import dev.tonearm.catalog.TrackTagsRepository;
import dev.tonearm.catalog.UploadRepository;
import dev.tonearm.ingest.storage.MediaStore;

/** Where ingestion reads and writes: the catalog's uploads, tracks and tags, and the media bucket. */
public record IngestStores(UploadRepository uploads, TrackRepository tracks, TrackTagsRepository tags,
    MediaStore media) {}
