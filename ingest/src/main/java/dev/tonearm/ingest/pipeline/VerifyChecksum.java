package dev.tonearm.ingest.pipeline;

import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Step 2: the stored bytes hash to the SHA-256 the client declared. A single PUT already had S3 check it; a
 * multipart upload cannot, so this is where a damaged or substituted file is caught.
 */
final class VerifyChecksum implements Step {

  @Override
  public String name() {
    return "verify checksum";
  }

  @Override
  public void run(IngestJob job) throws Exception {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(job.original())) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha256.update(buffer, 0, n);
      }
    }
    String actual = HexFormat.of().formatHex(sha256.digest());
    if (!actual.equals(job.upload().sha256())) {
      throw new IngestFailure("the file's SHA-256 is " + actual + " but the upload declared "
          + job.upload().sha256() + ": the file was changed or damaged on the way");
    }
  }
}
