package dev.tonearm.server.playback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The RSA key that signs playback URLs, with its CloudFront key-pair id (the id of the public key in the
 * distribution's trusted key group). {@link #toString()} names the id only, so the key never reaches a log.
 */
public record SigningKey(String keyPairId, PrivateKey privateKey, PublicKey publicKey) {

  public SigningKey {
    if (keyPairId == null || !keyPairId.matches("[A-Za-z0-9_-]{1,128}")) {
      throw new IllegalArgumentException("a key-pair id is 1-128 letters, digits, '-' or '_', was '" + keyPairId + "'");
    }
  }

  /** The key in {@code pem}: PKCS#8 ({@code BEGIN PRIVATE KEY}) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}). */
  public static SigningKey fromPem(String keyPairId, String pem) {
    RSAPrivateCrtKey key = Pem.rsaPrivateKey(pem);
    return new SigningKey(keyPairId, key, publicOf(key));
  }

  /** A fresh 2048-bit key whose id is derived from its public half (tests and the dev stack). */
  public static SigningKey generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
      return new SigningKey(devKeyPairId(publicOf(key)), key, publicOf(key));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate an RSA key", e);
    }
  }

  /** The dev stack's key, kept as PEM in {@code pemFile} (owner-only), created there on first use. */
  public static SigningKey persistent(Path pemFile) {
    try {
      if (!Files.exists(pemFile)) {
        Path dir = pemFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        SigningKey fresh = generate();
        Path temp = Files.createTempFile(dir, "key", ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, fresh.privateKeyPem());
        Files.move(temp, pemFile, StandardCopyOption.ATOMIC_MOVE);
      }
      RSAPrivateCrtKey key = Pem.rsaPrivateKey(Files.readString(pemFile));
      return new SigningKey(devKeyPairId(publicOf(key)), key, publicOf(key));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the media signing key " + pemFile, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the media signing key " + pemFile + " is corrupt; delete it or use --fresh", e);
    }
  }

  /** PKCS#8 PEM of the private key. */
  public String privateKeyPem() {
    return Pem.encode("PRIVATE KEY", privateKey.getEncoded());
  }

  /** X.509 PEM of the public key: what a CloudFront public key is created from. */
  public String publicKeyPem() {
    return Pem.encode("PUBLIC KEY", publicKey.getEncoded());
  }

  @Override
  public String toString() {
    return "SigningKey[" + keyPairId + "]";
  }

  /** A stable id for a dev key: CloudFront ids look like {@code K2JCJMDEHXQW5F}; ours start with {@code KDEV}. */
  static String devKeyPairId(PublicKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return "KDEV" + HexFormat.of().formatHex(digest, 0, 5).toUpperCase(Locale.ROOT);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PublicKey publicOf(RSAPrivateCrtKey key) {
    try {
      return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** PEM in and out; PKCS#1 RSA keys (as {@code openssl genrsa} writes them) are wrapped into PKCS#8. */
  static final class Pem {
    private static final byte[] RSA_ALGORITHM_ID = HexFormat.of().parseHex("300d06092a864886f70d0101010500");

    private Pem() {}

    static RSAPrivateCrtKey rsaPrivateKey(String pem) {
      // A PEM squeezed into one line of an environment file often carries literal "\n" for its line breaks.
      String text = pem.replace("\\n", "\n").strip();
      boolean pkcs1 = text.startsWith("-----BEGIN RSA PRIVATE KEY-----");
      if (!pkcs1 && !text.startsWith("-----BEGIN PRIVATE KEY-----")) {
        throw new IllegalArgumentException("expected an unencrypted PEM RSA private key "
            + "('BEGIN PRIVATE KEY' or 'BEGIN RSA PRIVATE KEY')");
      }
      String body = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
      try {
        byte[] der = Base64.getDecoder().decode(body);
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs1 ? wrap(der) : der));
        if (key instanceof RSAPrivateCrtKey crt) {
          return crt;
        }
        throw new IllegalArgumentException("the private key lacks its CRT parameters");
      } catch (IllegalArgumentException | GeneralSecurityException e) {
        throw new IllegalArgumentException("not a readable RSA private key: " + e.getMessage(), e);
      }
    }

    static String encode(String type, byte[] der) {
      String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
      return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** PKCS#1 RSAPrivateKey → PKCS#8 PrivateKeyInfo: version 0, the rsaEncryption algorithm, the key as an octet string. */
    private static byte[] wrap(byte[] pkcs1) {
      byte[] version = {0x02, 0x01, 0x00};
      byte[] octets = tlv(0x04, pkcs1);
      byte[] content = new byte[version.length + RSA_ALGORITHM_ID.length + octets.length];
      System.arraycopy(version, 0, content, 0, version.length);
      System.arraycopy(RSA_ALGORITHM_ID, 0, content, version.length, RSA_ALGORITHM_ID.length);
      System.arraycopy(octets, 0, content, version.length + RSA_ALGORITHM_ID.length, octets.length);
      return tlv(0x30, content);
    }

    private static byte[] tlv(int tag, byte[] value) {
      byte[] length = derLength(value.length);
      byte[] out = new byte[1 + length.length + value.length];
      out[0] = (byte) tag;
      System.arraycopy(length, 0, out, 1, length.length);
      System.arraycopy(value, 0, out, 1 + length.length, value.length);
      return out;
    }

    private static byte[] derLength(int length) {
      if (length < 0x80) {
        return new byte[] {(byte) length};
      }
      byte[] digits = BigInteger.valueOf(length).toByteArray();
      int skip = digits[0] == 0 ? 1 : 0;
      byte[] out = new byte[1 + digits.length - skip];
      out[0] = (byte) (0x80 | (digits.length - skip));
      System.arraycopy(digits, skip, out, 1, digits.length - skip);
      return out;
    }
  }
}
