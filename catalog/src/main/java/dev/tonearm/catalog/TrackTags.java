package dev.tonearm.catalog;

import java.util.Map;
import java.util.Objects;

/**
 * What a file's tags say beyond the track's searchable fields: totals, compilation flag, MusicBrainz ids,
 * ReplayGain and lyrics. Stored beside the track (its own item), so the track record that search and every
 * listing read stays small. Unknown values are null; {@code musicBrainzIds} maps a kind
 * ({@code recording}, {@code track}, {@code release}, {@code releaseGroup}, {@code artist}, {@code albumArtist})
 * to its id.
 */
public record TrackTags(
    String trackId,
    Boolean compilation,
    Integer trackTotal,
    Integer discTotal,
    Map<String, String> musicBrainzIds,
    ReplayGain replayGain,
    String lyrics) {

  public TrackTags {
    Objects.requireNonNull(trackId, "trackId");
    musicBrainzIds = musicBrainzIds == null ? Map.of() : Map.copyOf(musicBrainzIds);
  }

  /** ReplayGain 2 values: gains in dB, peaks as linear amplitude; null when not tagged. */
  public record ReplayGain(Double trackGainDb, Double trackPeak, Double albumGainDb, Double albumPeak) {
    public boolean isEmpty() {
      return trackGainDb == null && trackPeak == null && albumGainDb == null && albumPeak == null;
    }
  }
}
