package dev.tonearm.catalog;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a track's media live in the media bucket, and the roles of {@link Track#mediaKeys()}. Everything of
 * a track is under {@code tracks/<id>/}: the uploaded {@code original.<ext>}, the HLS ladder under
 * {@code hls/} (master playlist {@code master.m3u8}), a {@code download.mp3} for lossless sources, and cover
 * art under {@code art/} (the embedded original and square thumbnails).
 */
public final class MediaLayout {
  public static final String ROLE_ORIGINAL = "original";
  public static final String ROLE_HLS = "hls";
  public static final String ROLE_DOWNLOAD = "download";
  public static final String ROLE_ART = "art";
  public static final String ROLE_ART_600 = "art600";
  public static final String ROLE_ART_200 = "art200";

  private static final Pattern ORIGINAL = Pattern.compile("tracks/([0-9a-z-]{1,64})/original\\.([0-9a-z]{1,8})");

  private MediaLayout() {}

  /** Everything of one track starts with this. */
  public static String prefix(String trackId) {
    return "tracks/" + trackId + "/";
  }

  public static String original(String trackId, String extension) {
    return prefix(trackId) + "original." + extension.toLowerCase(Locale.ROOT);
  }

  public static String hlsPrefix(String trackId) {
    return prefix(trackId) + "hls/";
  }

  public static String hlsMaster(String trackId) {
    return hlsPrefix(trackId) + "master.m3u8";
  }

  public static String download(String trackId) {
    return prefix(trackId) + "download.mp3";
  }

  public static String artOriginal(String trackId, String extension) {
    return prefix(trackId) + "art/original." + extension;
  }

  /** A square JPEG thumbnail {@code size} pixels wide. */
  public static String artThumbnail(String trackId, int size) {
    return prefix(trackId) + "art/" + size + ".jpg";
  }

  /** The track id of an original's key, or empty when {@code key} is not an original. */
  public static Optional<String> trackIdOfOriginal(String key) {
    Matcher m = ORIGINAL.matcher(key);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
