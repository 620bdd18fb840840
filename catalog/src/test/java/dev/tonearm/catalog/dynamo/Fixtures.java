package dev.tonearm.catalog.dynamo;

import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackStatus;
import dev.tonearm.catalog.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Named music for catalog tests. */
final class Fixtures {
  static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");

  private Fixtures() {}

  static Track track(String id, String title, String artist, String owner, Visibility visibility) {
    return new Track(id, title, List.of(artist), artist, "An Album", null, List.of("Rock"), 1999, 215_000L,
        1, 1, id + ".flac", owner, visibility, null, Map.of(), TrackStatus.METADATA_ONLY, NOW, NOW, 1, Rating.NONE,
        null);
  }

  static Track haloByBeyonce(String owner) {
    return new Track("t-halo", "Halo", List.of("Beyoncé"), "Beyoncé", "I Am... Sasha Fierce", "Beyoncé",
        List.of("Pop", "R&B"), 2008, 261_000L, 3, 1, "03 Halo.flac", owner, Visibility.PUBLIC,
        "a".repeat(64), Map.of("original", "originals/t-halo.flac"), TrackStatus.READY, NOW, NOW, 1, Rating.NONE, null);
  }
}
