package dev.tonearm.ingest.tags;

import dev.tonearm.ingest.media.Probe;
import java.util.Map;

/**
 * Tags from ffprobe's report: every format Tonearm ingests, including those JAudioTagger cannot read (Opus,
 * Speex, APE, WavPack, Musepack, Matroska…). ffprobe joins the values of a repeated Vorbis comment with
 * {@code ;}, which is split again here; {@code /} is never split ("AC/DC").
 */
public final class FfprobeTags {
  private FfprobeTags() {}

  public static RawTags of(Probe probe) {
    RawTags tags = new RawTags();
    for (Map.Entry<String, String> e : probe.tags().entrySet()) {
      TagNames.canonical(e.getKey()).ifPresent(name -> {
        if (splits(name)) {
          for (String part : e.getValue().split(";")) {
            tags.add(name, part.strip());
          }
        } else {
          tags.add(name, e.getValue());
        }
      });
    }
    return tags;
  }

  private static boolean splits(String name) {
    return name.equals(TagNames.ARTIST) || name.equals(TagNames.ARTISTS) || name.equals(TagNames.GENRE)
        || name.startsWith("musicbrainz:");
  }
}
