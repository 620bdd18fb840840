package dev.tonearm.server.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing key: both PEM shapes openssl writes, the dev key kept across restarts, and its quiet toString. */
class SigningKeyTest {
  @TempDir
  Path dir;

  @Test
  void a_pkcs1_key_as_openssl_genrsa_writes_it_reads_as_the_same_key() {
    SigningKey key = SigningKey.generate();
    byte[] pkcs8 = key.privateKey().getEncoded();
    // PKCS#8 for RSA-2048: SEQUENCE, version, rsaEncryption, then the PKCS#1 key in an OCTET STRING at byte 22.
    assertThat(pkcs8[22]).isEqualTo((byte) 0x04);
    byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
    String pem = "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs1)
        + "\n-----END RSA PRIVATE KEY-----\n";

    SigningKey read = SigningKey.fromPem("K2JCJMDEHXQW5F", pem);

    assertThat(read.privateKey().getEncoded()).isEqualTo(pkcs8);
    assertThat(read.publicKey()).isEqualTo(key.publicKey());
  }

  @Test
  void the_dev_key_is_created_once_owner_only_and_keeps_its_id() throws Exception {
    Path file = dir.resolve("auth/media-signing-key.pem");

    SigningKey first = SigningKey.persistent(file);
    SigningKey again = SigningKey.persistent(file);

    assertThat(again.keyPairId()).isEqualTo(first.keyPairId()).startsWith("KDEV");
    assertThat(again.publicKey()).isEqualTo(first.publicKey());
    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void its_string_form_names_the_id_only() {
    SigningKey key = SigningKey.generate();
    assertThat(key.toString()).isEqualTo("SigningKey[" + key.keyPairId() + "]");
    assertThat(key.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
  }
}
