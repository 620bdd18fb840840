package dev.tonearm.ingest.pipeline;

import dev.tonearm.catalog.Upload;
import dev.tonearm.ingest.storage.MediaStore;
import java.nio.file.Path;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** Step 1: the uploaded file, checked against the declared size, copied to the job's scratch directory. */
final class FetchOriginal implements Step {
  private final MediaStore media;

  FetchOriginal(MediaStore media) {
    this.media = media;
  }

  @Override
  public String name() {
    return "fetch original";
  }

  @Override
  public void run(IngestJob job) throws Exception {
    Upload upload = job.upload();
    HeadObjectResponse head = media.head(upload.objectKey())
        .orElseThrow(() -> new IngestFailure("the uploaded file is no longer in storage"));
    if (head.contentLength() != upload.size()) {
      throw new IngestFailure("the stored file has " + head.contentLength() + " bytes but the upload declared "
          + upload.size());
    }
    // keeps the key's extension: ffprobe takes it as a hint for raw formats (ADTS, AC-3, Shorten)
    Path file = job.workDir().resolve(upload.objectKey().substring(upload.objectKey().lastIndexOf('/') + 1));
    if (!media.download(upload.objectKey(), file)) {
      throw new IngestFailure("the uploaded file is no longer in storage");
    }
    job.original(file);
  }
}
