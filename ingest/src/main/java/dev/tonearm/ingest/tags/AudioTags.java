package dev.tonearm.ingest.tags;

import dev.tonearm.catalog.TrackTags;
import java.util.List;
import java.util.Map;

/**
 * A file's tags, interpreted and checked against the catalog's limits: what becomes the track's fields and
 * the {@link TrackTags} stored beside it. Unknown values are null (or empty lists); {@code title} is never
 * null (the file name stands in).
 */
public record AudioTags(
    String title,
    List<String> artists,
    String artist,
    String album,
    String albumArtist,
    List<String> genres,
    Integer year,
    Integer trackNumber,
    Integer trackTotal,
    Integer discNumber,
    Integer discTotal,
    Boolean compilation,
    Map<String, String> musicBrainzIds,
    TrackTags.ReplayGain replayGain,
    String lyrics) {

  public AudioTags {
    artists = List.copyOf(artists);
    genres = List.copyOf(genres);
    musicBrainzIds = Map.copyOf(musicBrainzIds);
  }

  public TrackTags toTrackTags(String trackId) {
    return new TrackTags(trackId, compilation, trackTotal, discTotal, musicBrainzIds, replayGain, lyrics);
  }
}
