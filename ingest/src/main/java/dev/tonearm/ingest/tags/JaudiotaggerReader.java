package dev.tonearm.ingest.tags;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.TagOptionSingleton;
import org.jaudiotagger.tag.images.Artwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tags and embedded art through JAudioTagger, fenced in. JAudioTagger reads only from a {@link java.io.File},
 * chooses its parser by the file's extension, throws on malformed input, and a hostile file can make a parser
 * allocate or recurse without bound. So each read runs on its own thread with a deep stack and a time limit,
 * every {@link Throwable} (out-of-memory and stack overflow included) is caught, and the file is shown to
 * JAudioTagger under the extension of the container ffprobe found, never the one the uploader claimed. Files
 * larger than a quarter of the heap are not shown to it at all (some of its parsers allocate a buffer the size
 * of the file). A read that times out is abandoned (Java cannot stop a thread); after {@link #MAX_STUCK} such
 * threads the reader stops using JAudioTagger altogether and ffprobe's tags stand alone.
 */
public final class JaudiotaggerReader {
  static final int MAX_STUCK = 4;
  private static final Logger LOG = LoggerFactory.getLogger(JaudiotaggerReader.class);
  /** Held so the level sticks: java.util.logging keeps loggers weakly. */
  private static final java.util.logging.Logger JUL = java.util.logging.Logger.getLogger("org.jaudiotagger");
  private static final long STACK_BYTES = 16L << 20;
  private static final Map<FieldKey, String> FIELDS = Map.ofEntries(
      Map.entry(FieldKey.TITLE, TagNames.TITLE), Map.entry(FieldKey.ARTIST, TagNames.ARTIST),
      Map.entry(FieldKey.ARTISTS, TagNames.ARTISTS), Map.entry(FieldKey.ALBUM, TagNames.ALBUM),
      Map.entry(FieldKey.ALBUM_ARTIST, TagNames.ALBUM_ARTIST), Map.entry(FieldKey.GENRE, TagNames.GENRE),
      Map.entry(FieldKey.YEAR, TagNames.DATE), Map.entry(FieldKey.TRACK, TagNames.TRACK),
      Map.entry(FieldKey.TRACK_TOTAL, TagNames.TRACK_TOTAL), Map.entry(FieldKey.DISC_NO, TagNames.DISC),
      Map.entry(FieldKey.DISC_TOTAL, TagNames.DISC_TOTAL), Map.entry(FieldKey.IS_COMPILATION, TagNames.COMPILATION),
      Map.entry(FieldKey.MUSICBRAINZ_TRACK_ID, TagNames.MB_RECORDING),
      Map.entry(FieldKey.MUSICBRAINZ_RELEASE_TRACK_ID, TagNames.MB_TRACK),
      Map.entry(FieldKey.MUSICBRAINZ_RELEASEID, TagNames.MB_RELEASE),
      Map.entry(FieldKey.MUSICBRAINZ_RELEASE_GROUP_ID, TagNames.MB_RELEASE_GROUP),
      Map.entry(FieldKey.MUSICBRAINZ_ARTISTID, TagNames.MB_ARTIST),
      Map.entry(FieldKey.MUSICBRAINZ_RELEASEARTISTID, TagNames.MB_ALBUM_ARTIST),
      Map.entry(FieldKey.LYRICS, TagNames.LYRICS));
  private static final int FRONT_COVER = 3;

  static {
    JUL.setLevel(Level.OFF);
    TagOptionSingleton options = TagOptionSingleton.getInstance();
    options.setCheckIsWritable(false);
    options.setPreserveFileIdentity(true);
  }

  private final Duration timeout;
  private final AtomicInteger stuck = new AtomicInteger();

  public JaudiotaggerReader(Duration timeout) {
    this.timeout = timeout;
  }

  /** What JAudioTagger found: tags by canonical name and the front cover (or first picture), if any. */
  public record Result(RawTags tags, Picture picture) {}

  /**
   * Reads {@code file}, whose container ffprobe named {@code formatName} and whose audio codec is
   * {@code codec}. Empty when JAudioTagger has no reader for it, fails on it, or runs out of time.
   */
  public Optional<Result> read(Path file, String formatName, String codec) {
    Optional<String> extension = extensionFor(formatName, codec);
    if (extension.isEmpty() || stuck.get() >= MAX_STUCK || tooLarge(file)) {
      return Optional.empty();
    }
    Path alias = file.resolveSibling("tags-view." + extension.get());
    try {
      Files.deleteIfExists(alias);
      Files.createSymbolicLink(alias, file.toAbsolutePath());
      return bounded(alias);
    } catch (IOException e) {
      LOG.atWarn().setCause(e).log("cannot show the file to the tag reader");
      return Optional.empty();
    } finally {
      try {
        Files.deleteIfExists(alias);
      } catch (IOException ignored) {
        // the job directory goes anyway
      }
    }
  }

  private static boolean tooLarge(Path file) {
    try {
      return Files.size(file) > Runtime.getRuntime().maxMemory() / 4;
    } catch (IOException e) {
      return true;
    }
  }

  private Optional<Result> bounded(Path file) {
    FutureTask<Result> task = new FutureTask<>(() -> readNow(file));
    Thread thread = new Thread(null, task, "tag-reader", STACK_BYTES);
    thread.setDaemon(true);
    thread.start();
    try {
      return Optional.ofNullable(task.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      task.cancel(true);
      int now = stuck.incrementAndGet();
      LOG.atError().addKeyValue("file", file.getFileName()).addKeyValue("stuckReaders", now)
          .log("the tag reader did not finish in time; its thread is abandoned");
      watch(thread);
      return Optional.empty();
    } catch (ExecutionException e) {
      return Optional.empty(); // readNow catches everything; this is a belt to its braces
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** An abandoned reader that finishes after all gives its slot back. */
  private void watch(Thread thread) {
    Thread.ofVirtual().start(() -> {
      try {
        thread.join();
        stuck.decrementAndGet();
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
    });
  }

  private static Result readNow(Path file) {
    try {
      AudioFile audio = AudioFileIO.read(file.toFile());
      Tag tag = audio.getTag();
      if (tag == null) {
        return new Result(new RawTags(), null);
      }
      RawTags tags = new RawTags();
      FIELDS.forEach((key, name) -> all(tag, key).forEach(v -> tags.add(name, v)));
      return new Result(tags, cover(tag));
    } catch (Throwable t) { // malformed input, or a parser that ran away: OutOfMemoryError, StackOverflowError
      LOG.atDebug().addKeyValue("file", file.getFileName()).addKeyValue("error", t.toString())
          .log("tag reader refused the file");
      return null;
    }
  }

  private static List<String> all(Tag tag, FieldKey key) {
    try {
      return tag.getAll(key);
    } catch (RuntimeException unsupported) { // the tag format has no such field
      return List.of();
    }
  }

  private static Picture cover(Tag tag) {
    List<Artwork> artworks;
    try {
      artworks = tag.getArtworkList();
    } catch (RuntimeException unsupported) {
      return null;
    }
    Artwork chosen = artworks.stream().filter(a -> a.getPictureType() == FRONT_COVER && data(a) != null)
        .findFirst().orElse(artworks.stream().filter(a -> data(a) != null).findFirst().orElse(null));
    return chosen == null ? null : new Picture(chosen.getBinaryData(), chosen.getMimeType());
  }

  private static byte[] data(Artwork artwork) {
    byte[] data = artwork.isLinked() ? null : artwork.getBinaryData();
    return data == null || data.length == 0 ? null : data;
  }

  /** JAudioTagger's extension for what ffprobe found; empty for formats it has no reader for (Opus, APE…). */
  static Optional<String> extensionFor(String formatName, String codec) {
    List<String> formats = List.of(formatName.split(","));
    if (formats.contains("mp3")) {
      return Optional.of("mp3");
    } else if (formats.contains("flac")) {
      return Optional.of("flac");
    } else if (formats.contains("ogg")) {
      return codec.equals("vorbis") ? Optional.of("ogg") : Optional.empty();
    } else if (formats.contains("mp4") || formats.contains("m4a")) {
      return Optional.of("m4a");
    } else if (formats.contains("wav")) {
      return Optional.of("wav");
    } else if (formats.contains("aiff")) {
      return Optional.of("aif");
    } else if (formats.contains("asf")) {
      return Optional.of("wma");
    } else if (formats.contains("dsf")) {
      return Optional.of("dsf");
    }
    return Optional.empty();
  }
}
