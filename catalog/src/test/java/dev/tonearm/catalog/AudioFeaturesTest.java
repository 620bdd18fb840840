package dev.tonearm.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AudioFeaturesTest {

  @Test
  void the_edges_of_every_range_are_accepted() {
    new AudioFeatures(0, 0, 0, 0, 0, 0, 0, 0.001, -60, 0, 0);
    new AudioFeatures(1, 1, 1, 1, 1, 1, 1, 300, 5, 11, 1);
  }

  @Test
  void a_value_out_of_range_is_refused_by_name() {
    assertThatThrownBy(() -> new AudioFeatures(0.5, 1.01, 0.5, 0.5, 0.5, 0.5, 0.5, 120, -6, null, null))
        .hasMessageContaining("energy must be a number from 0 to 1");
    assertThatThrownBy(() -> new AudioFeatures(0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0, -6, null, null))
        .hasMessageContaining("tempo");
    assertThatThrownBy(() -> new AudioFeatures(0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 120, -61, null, null))
        .hasMessageContaining("loudness");
    assertThatThrownBy(() -> new AudioFeatures(0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 120, -6, 12, 2))
        .hasMessageContaining("key").hasMessageContaining("mode");
    assertThatThrownBy(() -> new AudioFeatures(Double.NaN, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 120, -6, null, null))
        .hasMessageContaining("danceability");
  }

  @Test
  void a_description_by_names_needs_every_required_value() {
    Map<String, Number> values = new HashMap<>();
    AudioFeatures.REQUIRED.forEach(name -> values.put(name, name.equals("tempo") ? 98.5 : 0.25));
    values.put("loudness", -7);
    AudioFeatures features = AudioFeatures.of(values);
    assertThat(features.tempo()).isEqualTo(98.5);
    assertThat(features.key()).isNull();
    values.remove("liveness");
    assertThatThrownBy(() -> AudioFeatures.of(values)).hasMessageContaining("liveness");
  }
}
