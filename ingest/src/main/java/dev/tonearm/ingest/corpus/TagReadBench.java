package dev.tonearm.ingest.corpus;

import dev.tonearm.ingest.media.Ffprobe;
import dev.tonearm.ingest.media.Probe;
import dev.tonearm.ingest.media.ToolFailure;
import dev.tonearm.ingest.tags.FfprobeTags;
import dev.tonearm.ingest.tags.JaudiotaggerReader;
import dev.tonearm.ingest.tags.RawTags;
import dev.tonearm.ingest.tags.TagInterpreter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tag reads per second over the corpora, on one thread: ffprobe alone (a process per file), JAudioTagger alone
 * (fenced, in-process), and the whole tag stage as the pipeline runs it (probe, JAudioTagger where it has a
 * reader, interpretation). Files are copied to a scratch directory first, as ingestion reads its own copy.
 */
public final class TagReadBench {
  private TagReadBench() {}

  /** One measured reader: files read, how many yielded a title, wall time. */
  public record Rate(String reader, int files, int withTitle, long tookMs) {
    public double perSecond() {
      return files * 1000.0 / Math.max(1, tookMs);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%-26s %5d files %5d with a title %8.1f s %8.1f reads/s", reader, files,
          withTitle, tookMs / 1000.0, perSecond());
    }
  }

  public static List<Rate> run(List<CorpusEntry> entries, Path scratch, String ffprobe) throws IOException {
    Files.createDirectories(scratch);
    Ffprobe probe = new Ffprobe(ffprobe, Duration.ofSeconds(30));
    JaudiotaggerReader jaudiotagger = new JaudiotaggerReader(Duration.ofSeconds(15));
    Path[] copies = new Path[entries.size()];
    Probe[] probes = new Probe[entries.size()];
    for (int i = 0; i < entries.size(); i++) {
      String name = entries.get(i).file().getFileName().toString();
      String extension = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
      copies[i] = Files.copy(entries.get(i).file(), scratch.resolve(i + extension.replaceAll("[^.0-9A-Za-z]", "")),
          StandardCopyOption.REPLACE_EXISTING);
    }
    long begun = System.nanoTime();
    int probed = 0;
    for (int i = 0; i < copies.length; i++) {
      probes[i] = probeOrNull(probe, copies[i]);
      probed += probes[i] != null && probes[i].tags().containsKey("title") ? 1 : 0;
    }
    Rate ffprobeRate = new Rate("ffprobe", copies.length, probed, millisSince(begun));
    begun = System.nanoTime();
    int read = 0;
    int jatFiles = 0;
    for (int i = 0; i < copies.length; i++) {
      if (probes[i] == null || !probes[i].hasAudio()) {
        continue;
      }
      jatFiles++;
      Optional<JaudiotaggerReader.Result> r = jaudiotagger.read(copies[i], probes[i].formatName(),
          probes[i].audio().codec());
      read += r.isPresent() && r.get().tags().first("title") != null ? 1 : 0;
    }
    Rate jatRate = new Rate("JAudioTagger (fenced)", jatFiles, read, millisSince(begun));
    begun = System.nanoTime();
    int titled = 0;
    for (int i = 0; i < copies.length; i++) {
      Probe p = probeOrNull(probe, copies[i]);
      if (p == null || !p.hasAudio()) {
        continue;
      }
      RawTags fromProbe = FfprobeTags.of(p);
      RawTags merged = jaudiotagger.read(copies[i], p.formatName(), p.audio().codec())
          .map(r -> r.tags().orElse(fromProbe)).orElse(fromProbe);
      titled += merged.first("title") != null ? 1 : 0;
      TagInterpreter.interpret(merged, entries.get(i).file().getFileName().toString());
    }
    Rate stageRate = new Rate("tag stage (probe+tags)", copies.length, titled, millisSince(begun));
    return List.of(ffprobeRate, jatRate, stageRate);
  }

  private static Probe probeOrNull(Ffprobe ffprobe, Path file) {
    try {
      return ffprobe.probe(file);
    } catch (ToolFailure | IOException unreadable) {
      return null;
    }
  }

  private static long millisSince(long begun) {
    return (System.nanoTime() - begun) / 1_000_000;
  }
}
