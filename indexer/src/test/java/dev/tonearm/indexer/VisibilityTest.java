package dev.tonearm.indexer;

import static dev.tonearm.indexer.FixtureIndex.MUSIC;
import static dev.tonearm.indexer.MusicFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tonearm.catalog.Viewer;
import org.junit.jupiter.api.Test;

class VisibilityTest {

  @Test
  void a_private_track_is_hidden_from_other_listeners() {
    assertThat(MUSIC.search("demo tape", new Viewer("bob", false))).isEmpty();
  }

  @Test
  void a_private_track_is_visible_to_its_owner() {
    assertThat(MUSIC.search("demo tape", new Viewer("alice", false))).containsExactly(label(ALICE_DEMO));
  }

  @Test
  void admins_see_every_track() {
    Viewer admin = new Viewer("root", true);
    assertThat(MUSIC.search("demo tape", admin)).containsExactly(label(ALICE_DEMO));
    assertThat(MUSIC.search("hey jude", admin)).containsExactly(label(HEY_JUDE));
  }

  @Test
  void public_tracks_are_visible_to_everyone() {
    assertThat(MUSIC.search("hey jude", new Viewer("bob", false))).containsExactly(label(HEY_JUDE));
  }
}
