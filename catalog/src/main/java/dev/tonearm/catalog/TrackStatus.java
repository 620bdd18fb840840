package dev.tonearm.catalog;

/**
 * Where a track stands in its life. Tracks created from metadata alone (the API, imports, the demo catalog)
 * are {@code METADATA_ONLY}: searchable, not playable. Ingestion moves uploaded tracks through
 * {@code PROCESSING} to {@code READY} or {@code FAILED}.
 */
public enum TrackStatus {
  METADATA_ONLY,
  PROCESSING,
  READY,
  FAILED
}
