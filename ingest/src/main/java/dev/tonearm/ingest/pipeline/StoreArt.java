package dev.tonearm.ingest.pipeline;

import dev.tonearm.catalog.MediaLayout;
import dev.tonearm.ingest.art.CoverArt;
import dev.tonearm.ingest.media.Ffmpeg;
import dev.tonearm.ingest.media.ToolFailure;
import dev.tonearm.ingest.storage.MediaStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 6: cover art. The picture JAudioTagger found, else the attached picture ffmpeg can copy out (Opus,
 * APE, files JAudioTagger refused); stored as is plus square-bounded JPEG thumbnails. A missing or undecodable
 * picture only means a track without art.
 */
final class StoreArt implements Step {
  private static final Logger LOG = LoggerFactory.getLogger(StoreArt.class);

  private final Ffmpeg ffmpeg;
  private final MediaStore media;
  private final Duration timeout;

  StoreArt(Ffmpeg ffmpeg, MediaStore media, Duration timeout) {
    this.ffmpeg = ffmpeg;
    this.media = media;
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return "store art";
  }

  @Override
  public void run(IngestJob job) throws Exception {
    Optional<byte[]> picture = picture(job);
    Optional<CoverArt.Thumbnails> art = picture.flatMap(CoverArt::thumbnails);
    if (art.isEmpty()) {
      if (picture.isPresent()) {
        LOG.atInfo().addKeyValue("uploadId", job.trackId()).log("embedded picture is not a decodable image");
      }
      return;
    }
    String id = job.trackId();
    String originalKey = MediaLayout.artOriginal(id, art.get().extension());
    media.upload(originalKey, picture.get(), CoverArt.contentType(art.get().extension()));
    job.mediaKeys().put(MediaLayout.ROLE_ART, originalKey);
    for (Map.Entry<Integer, byte[]> thumb : art.get().jpegs().entrySet()) {
      String key = MediaLayout.artThumbnail(id, thumb.getKey());
      media.upload(key, thumb.getValue(), "image/jpeg");
      job.mediaKeys().put(MediaLayout.ROLE_ART + thumb.getKey(), key);
    }
  }

  private Optional<byte[]> picture(IngestJob job) throws Exception {
    if (job.picture() != null) {
      return Optional.of(job.picture().data());
    }
    Integer stream = job.probe().pictureStream();
    if (stream == null) {
      return Optional.empty();
    }
    Path out = job.workDir().resolve("picture.img");
    try {
      ffmpeg.extractPicture(job.original(), stream, out, timeout);
    } catch (ToolFailure unreadable) {
      return Optional.empty();
    }
    return Files.isRegularFile(out) && Files.size(out) <= 20 << 20 ? Optional.of(Files.readAllBytes(out))
        : Optional.empty();
  }
}
