package dev.tonearm.ingest.pipeline;

import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.Upload;
import dev.tonearm.ingest.media.Probe;
import dev.tonearm.ingest.tags.AudioTags;
import dev.tonearm.ingest.tags.Picture;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One upload on its way through the pipeline: what each step found or made, for the steps after it. A step
 * sets what it owns and reads what earlier steps set; the pipeline's order guarantees those are there.
 */
public final class IngestJob {
  private final Upload upload;
  private final Path workDir;
  private final Map<String, String> mediaKeys = new LinkedHashMap<>();
  private Path original;
  private Probe probe;
  private AudioTags tags;
  private Picture picture;
  private String duplicateOf;
  private Double decodedSeconds;
  private Track track;

  public IngestJob(Upload upload, Path workDir) {
    this.upload = upload;
    this.workDir = workDir;
  }

  public Upload upload() {
    return upload;
  }

  /** A private scratch directory, deleted when the job ends. */
  public Path workDir() {
    return workDir;
  }

  public String trackId() {
    return upload.id();
  }

  public Path original() {
    return original;
  }

  void original(Path file) {
    this.original = file;
  }

  public Probe probe() {
    return probe;
  }

  void probe(Probe probe) {
    this.probe = probe;
  }

  public AudioTags tags() {
    return tags;
  }

  void tags(AudioTags tags) {
    this.tags = tags;
  }

  /** An embedded picture JAudioTagger found, for the art step. */
  Picture picture() {
    return picture;
  }

  void picture(Picture picture) {
    this.picture = picture;
  }

  /** Media written so far, by role ({@code dev.tonearm.catalog.MediaLayout}). */
  public Map<String, String> mediaKeys() {
    return mediaKeys;
  }

  /** How much audio the HLS transcode produced, in seconds; null before it ran. */
  public Double decodedSeconds() {
    return decodedSeconds;
  }

  void decodedSeconds(double seconds) {
    this.decodedSeconds = seconds;
  }

  /** A track already in the catalog with the same content, visible to the uploader; ends the pipeline. */
  public String duplicateOf() {
    return duplicateOf;
  }

  void duplicateOf(String trackId) {
    this.duplicateOf = trackId;
  }

  /** The published track, once the last step ran. */
  public Track track() {
    return track;
  }

  void track(Track track) {
    this.track = track;
  }

  /** Whether nothing is left to do: the content turned out to be in the catalog already. */
  public boolean isSettled() {
    return duplicateOf != null;
  }
}
