package dev.tonearm.catalog;

import java.util.Optional;

/** The tags stored beside a track. Only ingestion writes them, whole, so a put needs no version. */
public interface TrackTagsRepository {

  void put(TrackTags tags);

  Optional<TrackTags> get(String trackId);

  void delete(String trackId);
}
