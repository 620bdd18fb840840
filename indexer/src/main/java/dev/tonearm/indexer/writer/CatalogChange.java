package dev.tonearm.indexer.writer;

import dev.tonearm.catalog.Track;

/** One change to the catalog as the index sees it: a track stored at a version, or removed at one. */
public sealed interface CatalogChange permits CatalogChange.Upserted, CatalogChange.Removed {

  String id();

  long version();

  /** The track as stored at {@code track.version()}. */
  record Upserted(Track track) implements CatalogChange {
    @Override
    public String id() {
      return track.id();
    }

    @Override
    public long version() {
      return track.version();
    }
  }

  /** The track was deleted; {@code version} is the last version it had. */
  record Removed(String id, long version) implements CatalogChange {}
}
