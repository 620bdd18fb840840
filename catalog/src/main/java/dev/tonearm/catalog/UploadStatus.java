package dev.tonearm.catalog;

/**
 * Where an upload stands: {@code PENDING} (URL handed out, no file yet), {@code UPLOADED} (the file is in
 * storage), {@code PROCESSING} (a worker is ingesting it), then {@code READY} (its track is playable) or
 * {@code FAILED} (with a reason). The last two are final.
 */
public enum UploadStatus {
  PENDING,
  UPLOADED,
  PROCESSING,
  READY,
  FAILED;

  /** READY and FAILED never change again (except a READY upload whose original is later removed). */
  public boolean isFinal() {
    return this == READY || this == FAILED;
  }
}
