package dev.tonearm.ingest.pipeline;

import dev.tonearm.catalog.TrackRepository;
import dev.tonearm.catalog.TrackTagsRepository;
import dev.tonearm.ingest.IngestConfig;
import dev.tonearm.ingest.Retry;
import dev.tonearm.ingest.media.Ffmpeg;
import dev.tonearm.ingest.media.Ffprobe;
import dev.tonearm.ingest.storage.MediaStore;
import dev.tonearm.ingest.tags.JaudiotaggerReader;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps that turn an uploaded file into a READY track, in order:
 *
 * <ol>
 *   <li>{@link FetchOriginal fetch original} — size check, copy to scratch;
 *   <li>{@link VerifyChecksum verify checksum} — SHA-256 against the declared one;
 *   <li>{@link SkipDuplicate skip duplicate} — same content already a track the uploader may see: settle;
 *   <li>{@link ProbeAudio probe audio} — ffprobe: an audio stream, a sane length;
 *   <li>{@link ReadTags read tags} — JAudioTagger, fenced in, then ffprobe's tags, then the file name;
 *   <li>{@link StoreArt store art} — the cover picture and its thumbnails;
 *   <li>{@link TranscodeHls transcode hls} — the AAC ladder;
 *   <li>{@link EncodeDownload encode download} — MP3 320k for lossless sources;
 *   <li>{@link PublishTrack publish track} — the track READY, its tags beside it.
 * </ol>
 *
 * The first six only inspect the file (and store its art); {@link #inspection} runs just those, for checking
 * many files quickly. Every step is idempotent and is retried as a whole on transient S3 or DynamoDB faults.
 */
public final class IngestPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);
  private static final int INSPECTION_STEPS = 6;

  private final List<Step> steps;
  private final Retry retry;

  IngestPipeline(List<Step> steps, Retry retry) {
    this.steps = List.copyOf(steps);
    this.retry = retry;
  }

  /** The tools and stores the steps use. */
  public record Parts(IngestConfig config, MediaStore media, TrackRepository tracks, TrackTagsRepository tags,
      Clock clock) {}

  public static IngestPipeline standard(Parts parts) {
    return new IngestPipeline(all(parts), Retry.standard());
  }

  /** Steps 1–6: everything up to, not including, the transcode; the track is not published. */
  public static IngestPipeline inspection(Parts parts) {
    return new IngestPipeline(all(parts).subList(0, INSPECTION_STEPS), Retry.standard());
  }

  private static List<Step> all(Parts p) {
    IngestConfig config = p.config();
    Ffmpeg ffmpeg = new Ffmpeg(config.ffmpeg());
    return List.of(
        new FetchOriginal(p.media()),
        new VerifyChecksum(),
        new SkipDuplicate(p.tracks()),
        new ProbeAudio(new Ffprobe(config.ffprobe(), config.probeTimeout()), config.maxTrackLength()),
        new ReadTags(new JaudiotaggerReader(config.tagTimeout())),
        new StoreArt(ffmpeg, p.media(), config.probeTimeout()),
        new TranscodeHls(ffmpeg, p.media(), config),
        new EncodeDownload(ffmpeg, p.media(), config),
        new PublishTrack(p.tracks(), p.tags(), p.clock()));
  }

  public List<String> stepNames() {
    return steps.stream().map(Step::name).toList();
  }

  /**
   * Runs the steps on {@code job} until the last, or until the job settles on a duplicate. Throws
   * {@link IngestFailure} when the file cannot become a track, {@link Retry.TransientFault} when storage kept
   * failing, anything else when a step has a bug.
   */
  public void run(IngestJob job) throws Exception {
    for (Step step : steps) {
      if (job.isSettled()) {
        return;
      }
      long begun = System.nanoTime();
      try {
        retry.run(step.name(), () -> step.run(job));
      } finally {
        LOG.atDebug().addKeyValue("uploadId", job.trackId()).addKeyValue("step", step.name())
            .addKeyValue("tookMs", (System.nanoTime() - begun) / 1_000_000).log("step done");
      }
    }
  }
}
