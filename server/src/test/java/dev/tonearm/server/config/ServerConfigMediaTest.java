package dev.tonearm.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tonearm.server.playback.SigningKey;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The playback settings of {@link ServerConfig}: defaults, parsing, and refusals that name the variable. */
class ServerConfigMediaTest {
  private static final SigningKey KEY = SigningKey.generate();

  @Test
  void dev_defaults_leave_the_cdn_and_the_key_to_the_embedded_stack() {
    ServerConfig config = ServerConfig.from(Map.of());
    assertThat(config.mediaBaseUrl()).isEmpty();
    assertThat(config.signingKey()).isEmpty();
    assertThat(config.playbackExtra()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.s3Endpoint()).isEmpty();
    assertThat(ServerConfig.NAMES).contains("TONEARM_MEDIA_BASE_URL", "TONEARM_SIGNING_KEY_PAIR_ID",
        "TONEARM_SIGNING_PRIVATE_KEY", "TONEARM_PLAYBACK_EXTRA", "TONEARM_S3_ENDPOINT");
  }

  @Test
  void the_aws_settings_are_read() {
    ServerConfig config = ServerConfig.from(Map.of("TONEARM_MEDIA_BASE_URL", "https://d111111abcdef8.cloudfront.net/",
        "TONEARM_SIGNING_KEY_PAIR_ID", "K2JCJMDEHXQW5F", "TONEARM_SIGNING_PRIVATE_KEY", KEY.privateKeyPem(),
        "TONEARM_PLAYBACK_EXTRA", "PT30M", "TONEARM_S3_ENDPOINT", "http://127.0.0.1:9090"));
    assertThat(config.mediaBaseUrl()).contains(URI.create("https://d111111abcdef8.cloudfront.net"));
    assertThat(config.signingKey().orElseThrow().keyPairId()).isEqualTo("K2JCJMDEHXQW5F");
    assertThat(config.signingKey().orElseThrow().publicKey()).isEqualTo(KEY.publicKey());
    assertThat(config.playbackExtra()).isEqualTo(Duration.ofMinutes(30));
    assertThat(config.s3Endpoint()).contains(URI.create("http://127.0.0.1:9090"));
    assertThat(config.toString()).doesNotContain("PRIVATE KEY").doesNotContain(KEY.privateKeyPem().substring(40, 80));
  }

  @Test
  void a_pem_on_one_line_with_escaped_line_breaks_is_accepted() {
    String oneLine = KEY.privateKeyPem().replace("\n", "\\n");
    ServerConfig config = ServerConfig.from(Map.of("TONEARM_SIGNING_KEY_PAIR_ID", "K1", "TONEARM_SIGNING_PRIVATE_KEY",
        oneLine));
    assertThat(config.signingKey().orElseThrow().publicKey()).isEqualTo(KEY.publicKey());
  }

  @Test
  void bad_settings_are_refused_by_name() {
    assertThatThrownBy(() -> ServerConfig.from(Map.of("TONEARM_PLAYBACK_EXTRA", "15 minutes")))
        .hasMessageContaining("TONEARM_PLAYBACK_EXTRA");
    assertThatThrownBy(() -> ServerConfig.from(Map.of("TONEARM_PLAYBACK_EXTRA", "-PT1M")))
        .hasMessageContaining("TONEARM_PLAYBACK_EXTRA");
    assertThatThrownBy(() -> ServerConfig.from(Map.of("TONEARM_SIGNING_KEY_PAIR_ID", "K1")))
        .hasMessageContaining("TONEARM_SIGNING_PRIVATE_KEY");
    assertThatThrownBy(() -> ServerConfig.from(Map.of("TONEARM_SIGNING_KEY_PAIR_ID", "K1",
        "TONEARM_SIGNING_PRIVATE_KEY", "-----BEGIN PRIVATE KEY-----\nnot base64!\n-----END PRIVATE KEY-----")))
        .hasMessageContaining("TONEARM_SIGNING_PRIVATE_KEY");
  }
}
