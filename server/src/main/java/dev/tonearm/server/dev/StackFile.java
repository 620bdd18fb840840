package dev.tonearm.server.dev;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running dev stack tells other local processes ({@code ./tonearm replica}): where its S3 listens. Written
 * at every start (S3Mock takes a free port each time); the catalog and the issuer's key are found in the data
 * directory itself.
 */
public final class StackFile {
  private static final String S3_ENDPOINT = "s3.endpoint";

  private StackFile() {}

  static void write(Path file, URI s3Endpoint) {
    Properties props = new Properties();
    props.setProperty(S3_ENDPOINT, s3Endpoint.toString());
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "stack", ".tmp");
      try (Writer out = Files.newBufferedWriter(temp)) {
        props.store(out, "written by the running dev stack");
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The S3 endpoint of the dev stack that last started with this data directory, if any did. */
  public static Optional<URI> s3Endpoint(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return Optional.ofNullable(props.getProperty(S3_ENDPOINT)).map(URI::create);
  }
}
