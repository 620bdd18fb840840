package dev.tonearm.server.uploads;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The audio files an upload may be: file extensions and the content types each may be sent as (browsers and
 * tools disagree, so several per extension). An upload's content type must be one of its extension's.
 */
public final class AudioTypes {
  private static final List<String> MPEG = List.of("audio/mpeg", "audio/mp3", "audio/mpeg3", "audio/x-mpeg-3");
  private static final List<String> MP4 = List.of("audio/mp4", "audio/x-m4a", "audio/m4a", "audio/x-m4b");
  private static final Map<String, List<String>> BY_EXTENSION = Map.ofEntries(
      Map.entry("mp3", MPEG), Map.entry("mp2", MPEG), Map.entry("mp1", MPEG), Map.entry("mpga", MPEG),
      Map.entry("flac", List.of("audio/flac", "audio/x-flac")),
      Map.entry("wav", List.of("audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave")),
      Map.entry("aif", List.of("audio/aiff", "audio/x-aiff")), Map.entry("aiff", List.of("audio/aiff", "audio/x-aiff")),
      Map.entry("aifc", List.of("audio/aiff", "audio/x-aiff")),
      Map.entry("m4a", MP4), Map.entry("m4b", MP4), Map.entry("mp4", MP4), Map.entry("alac", MP4),
      Map.entry("aac", List.of("audio/aac", "audio/aacp", "audio/x-aac")),
      Map.entry("ogg", List.of("audio/ogg", "audio/vorbis", "audio/x-vorbis+ogg")),
      Map.entry("oga", List.of("audio/ogg", "audio/vorbis")),
      Map.entry("opus", List.of("audio/opus", "audio/ogg")), Map.entry("spx", List.of("audio/ogg", "audio/speex")),
      Map.entry("wma", List.of("audio/x-ms-wma")),
      Map.entry("wv", List.of("audio/wavpack", "audio/x-wavpack")),
      Map.entry("ape", List.of("audio/ape", "audio/x-ape", "audio/x-monkeys-audio")),
      Map.entry("mka", List.of("audio/x-matroska", "audio/matroska")),
      Map.entry("webm", List.of("audio/webm")), Map.entry("weba", List.of("audio/webm")),
      Map.entry("ac3", List.of("audio/ac3")), Map.entry("eac3", List.of("audio/eac3")),
      Map.entry("mpc", List.of("audio/musepack", "audio/x-musepack")),
      Map.entry("tta", List.of("audio/x-tta", "audio/tta")),
      Map.entry("dsf", List.of("audio/dsf", "audio/x-dsf")), Map.entry("dff", List.of("audio/dff", "audio/x-dff")),
      Map.entry("caf", List.of("audio/x-caf")));

  private AudioTypes() {}

  /** The file name's extension, lower-cased, if it is an audio one. */
  public static Optional<String> extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot < 0 || dot == fileName.length() - 1) {
      return Optional.empty();
    }
    String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return BY_EXTENSION.containsKey(extension) ? Optional.of(extension) : Optional.empty();
  }

  /** The content types a file with {@code extension} may be uploaded as. */
  public static List<String> contentTypes(String extension) {
    return BY_EXTENSION.getOrDefault(extension, List.of());
  }

  /** The media type without parameters, lower-cased: {@code audio/ogg; codecs=opus} is {@code audio/ogg}. */
  public static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }

  public static boolean isAudio(String mediaType) {
    return BY_EXTENSION.values().stream().anyMatch(types -> types.contains(mediaType));
  }
}
