package dev.tonearm.ingest.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One row of an audio corpus's {@code MANIFEST.tsv} (path, bytes, file(1), ffprobe ok/error, format, duration,
 * number of container tags, name flag, ffprobe error): what an independent ffprobe run said of the file, and
 * so what ingesting it should come to.
 */
public record CorpusEntry(String corpus, Path file, String path, long bytes, boolean ffprobeOk, String format,
    Double durationSeconds, int containerTags) {

  /** ffprobe reads these fine, but they are pictures: no audio stream. */
  private static final Set<String> PICTURES = Set.of("image2", "png_pipe", "jpeg_pipe", "gif", "bmp_pipe",
      "webp_pipe", "tiff_pipe");

  /** What ingesting the file should end in. */
  public enum Expected { READY, FAILED, EITHER }

  public Expected expected(Duration maxTrackLength) {
    if (!ffprobeOk || PICTURES.contains(format)) {
      return Expected.FAILED;
    }
    if (durationSeconds == null || durationSeconds <= 0) {
      return Expected.EITHER; // readable, length unknown: it may or may not decode to audio
    }
    return durationSeconds > maxTrackLength.toSeconds() ? Expected.FAILED : Expected.READY;
  }

  /** The rows of {@code corpusDir/MANIFEST.tsv} whose file exists. */
  public static List<CorpusEntry> read(Path corpusDir) throws IOException {
    List<CorpusEntry> entries = new ArrayList<>();
    List<String> lines = Files.readAllLines(corpusDir.resolve("MANIFEST.tsv"));
    String corpus = corpusDir.getFileName().toString();
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split("\t", -1);
      if (c.length < 7 || !Files.isRegularFile(corpusDir.resolve(c[0]))) {
        continue;
      }
      entries.add(new CorpusEntry(corpus, corpusDir.resolve(c[0]), c[0], Long.parseLong(c[1]), c[3].equals("ok"),
          c[4], c[5].isBlank() ? null : Double.valueOf(c[5]), c[6].isBlank() ? 0 : Integer.parseInt(c[6])));
    }
    return entries;
  }

  /** Every corpus under {@code audioRoot}: each folder with a manifest. */
  public static List<CorpusEntry> readAll(Path audioRoot) throws IOException {
    List<CorpusEntry> all = new ArrayList<>();
    try (var dirs = Files.list(audioRoot)) {
      for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("MANIFEST.tsv"))).sorted().toList()) {
        all.addAll(read(dir));
      }
    }
    return all;
  }
}
