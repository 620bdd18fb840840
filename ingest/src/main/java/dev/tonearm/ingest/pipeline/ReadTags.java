package dev.tonearm.ingest.pipeline;

import dev.tonearm.ingest.tags.FfprobeTags;
import dev.tonearm.ingest.tags.JaudiotaggerReader;
import dev.tonearm.ingest.tags.RawTags;
import dev.tonearm.ingest.tags.TagInterpreter;
import java.util.Optional;

/**
 * Step 5: tags. JAudioTagger where it has a reader (its values win, multi-valued frames intact), ffprobe's
 * tags for everything else and for what JAudioTagger lacks (ReplayGain, Opus comments), the file name for a
 * missing title. Never fails: a file without readable tags is still a track.
 */
final class ReadTags implements Step {
  private final JaudiotaggerReader reader;

  ReadTags(JaudiotaggerReader reader) {
    this.reader = reader;
  }

  @Override
  public String name() {
    return "read tags";
  }

  @Override
  public void run(IngestJob job) {
    RawTags fromProbe = FfprobeTags.of(job.probe());
    Optional<JaudiotaggerReader.Result> read =
        reader.read(job.original(), job.probe().formatName(), job.probe().audio().codec());
    RawTags merged = read.map(r -> r.tags().orElse(fromProbe)).orElse(fromProbe);
    job.tags(TagInterpreter.interpret(merged, job.upload().fileName()));
    read.map(JaudiotaggerReader.Result::picture).ifPresent(job::picture);
  }
}
