package dev.tonearm.server.edge;

import java.util.Locale;
import java.util.Map;

/** The media types the edge answers with, by file extension; S3's stored type only for anything else. */
final class ContentTypes {
  static final String PLAYLIST = "application/vnd.apple.mpegurl";
  private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
      Map.entry("m3u8", PLAYLIST),
      Map.entry("m4s", "video/iso.segment"),
      Map.entry("mp4", "audio/mp4"),
      Map.entry("m4a", "audio/mp4"),
      Map.entry("aac", "audio/aac"),
      Map.entry("mp3", "audio/mpeg"),
      Map.entry("flac", "audio/flac"),
      Map.entry("wav", "audio/wav"),
      Map.entry("aiff", "audio/aiff"),
      Map.entry("aif", "audio/aiff"),
      Map.entry("ogg", "audio/ogg"),
      Map.entry("opus", "audio/ogg"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("png", "image/png"),
      Map.entry("webp", "image/webp"));

  private ContentTypes() {}

  static String of(String key, String stored) {
    String name = key.substring(key.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    String known = dot < 0 ? null : BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    if (known != null) {
      return known;
    }
    return stored == null || stored.isBlank() ? "application/octet-stream" : stored;
  }

  static boolean isPlaylist(String key) {
    return key.toLowerCase(Locale.ROOT).endsWith(".m3u8");
  }
}
