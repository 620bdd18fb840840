package dev.tonearm.server.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The dev stack's state directory: the DynamoDB Local database, S3Mock's objects, the issuer's key, the media
 * signing key and the cursor secret. Everything a restart must keep, and nothing else.
 */
public record DataDir(Path root) {

  public Path dynamoDb() {
    return root.resolve("dynamodb");
  }

  public Path index() {
    return root.resolve("index");
  }

  /** The server's own replica of the published index generations. */
  public Path replica() {
    return root.resolve("replica");
  }

  /** Where the running dev stack says where its local S3 listens, for {@code ./tonearm replica}. */
  public Path stackFile() {
    return root.resolve("stack.properties");
  }

  public Path s3() {
    return root.resolve("s3");
  }

  public Path issuerKey() {
    return root.resolve("auth").resolve("dev-signing-key.json");
  }

  /** The RSA key that signs playback URLs (PKCS#8 PEM); the local edge trusts it. */
  public Path mediaSigningKey() {
    return root.resolve("auth").resolve("media-signing-key.pem");
  }

  public Path logs() {
    return root.resolve("logs");
  }

  /** The HMAC secret for paging cursors: created on first use, then kept so cursors survive restarts. */
  public byte[] cursorSecret() {
    Path file = root.resolve("auth").resolve("cursor-secret");
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Path temp = Files.createTempFile(file.getParent(), "secret", ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, Base64.getEncoder().encodeToString(secret));
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      }
      return Base64.getDecoder().decode(Files.readString(file).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write " + file, e);
    }
  }

  /** Deletes all state (the {@code --fresh} flag). */
  public void wipe() {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot wipe " + root, e);
    }
  }
}
