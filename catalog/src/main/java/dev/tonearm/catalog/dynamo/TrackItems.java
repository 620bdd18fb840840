package dev.tonearm.catalog.dynamo;

import dev.tonearm.catalog.AudioFeatures;
import dev.tonearm.catalog.Rating;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackStatus;
import dev.tonearm.catalog.Visibility;
import java.text.Normalizer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Track ⇄ DynamoDB item. The same codec reads stream images (NEW_AND_OLD_IMAGES), so the item is the one
 * source of truth for what a track is. Derived key attributes ({@code albumKey}, {@code artistKey},
 * {@code orderInAlbum}) are recomputed on every write, never edited.
 */
public final class TrackItems {
  public static final String SORT_KEY_VALUE = "TRACK";
  public static final String ENTITY = "entity";
  public static final String ID = "id";
  public static final String TITLE = "title";
  public static final String ARTISTS = "artists";
  public static final String ARTIST = "artist";
  public static final String ALBUM = "album";
  public static final String ALBUM_ARTIST = "albumArtist";
  public static final String GENRES = "genres";
  public static final String YEAR = "year";
  public static final String DURATION_MS = "durationMs";
  public static final String TRACK_NUMBER = "trackNumber";
  public static final String DISC_NUMBER = "discNumber";
  public static final String FILE_NAME = "fileName";
  public static final String OWNER = "owner";
  public static final String VISIBILITY = "visibility";
  public static final String SHA256 = "sha256";
  public static final String MEDIA_KEYS = "mediaKeys";
  public static final String STATUS = "status";
  public static final String CREATED_AT = "createdAt";
  public static final String UPDATED_AT = "updatedAt";
  public static final String VERSION = "version";
  /** Sum of every listener's stars; kept by the rating repository in the same transaction as the ratings. */
  public static final String RATING_SUM = "ratingSum";
  /** How many listeners rated the track. */
  public static final String RATING_COUNT = "ratingCount";
  /**
   * How the track sounds: a map of numbers named as in {@link AudioFeatures#NAMES} ({@code key} and {@code mode}
   * only when known). Absent when nobody described it.
   */
  public static final String AUDIO_FEATURES = "audioFeatures";
  public static final String ALBUM_KEY = "albumKey";
  public static final String ARTIST_KEY = "artistKey";
  public static final String ORDER_IN_ALBUM = "orderInAlbum";

  private TrackItems() {}

  public static Map<String, AttributeValue> toItem(Track t) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(CatalogTable.PK, s(CatalogTable.trackPk(t.id())));
    item.put(CatalogTable.SK, s(SORT_KEY_VALUE));
    item.put(ENTITY, s(SORT_KEY_VALUE));
    item.put(ID, s(t.id()));
    item.put(TITLE, s(t.title()));
    item.put(ARTISTS, AttributeValue.fromL(t.artists().stream().map(TrackItems::s).toList()));
    putIfPresent(item, ARTIST, t.artist());
    putIfPresent(item, ALBUM, t.album());
    putIfPresent(item, ALBUM_ARTIST, t.albumArtist());
    item.put(GENRES, AttributeValue.fromL(t.genres().stream().map(TrackItems::s).toList()));
    putNumber(item, YEAR, t.year());
    putNumber(item, DURATION_MS, t.durationMs());
    putNumber(item, TRACK_NUMBER, t.trackNumber());
    putNumber(item, DISC_NUMBER, t.discNumber());
    putIfPresent(item, FILE_NAME, t.fileName());
    item.put(OWNER, s(t.owner()));
    item.put(VISIBILITY, s(t.visibility().wireName()));
    putIfPresent(item, SHA256, t.sha256());
    item.put(MEDIA_KEYS, AttributeValue.fromM(t.mediaKeys().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> s(e.getValue())))));
    item.put(STATUS, s(t.status().name()));
    item.put(CREATED_AT, s(t.createdAt().toString()));
    item.put(UPDATED_AT, s(t.updatedAt().toString()));
    item.put(VERSION, AttributeValue.fromN(Long.toString(t.version())));
    item.put(RATING_SUM, AttributeValue.fromN(Long.toString(t.rating().sum())));
    item.put(RATING_COUNT, AttributeValue.fromN(Long.toString(t.rating().count())));
    if (t.audioFeatures() != null) {
      item.put(AUDIO_FEATURES, audioFeatures(t.audioFeatures()));
    }
    if (t.album() != null) {
      String albumArtist = t.albumArtist() != null ? t.albumArtist() : Objects.toString(t.artist(), "");
      item.put(ALBUM_KEY, s(normalizedKey(albumArtist) + "|" + normalizedKey(t.album())));
    }
    if (t.artist() != null) {
      item.put(ARTIST_KEY, s(normalizedKey(t.artist())));
    }
    item.put(ORDER_IN_ALBUM, s(orderInAlbum(t)));
    return item;
  }

  public static Track fromItem(Map<String, AttributeValue> item) {
    return new Track(
        str(item, ID),
        str(item, TITLE),
        strings(item, ARTISTS),
        str(item, ARTIST),
        str(item, ALBUM),
        str(item, ALBUM_ARTIST),
        strings(item, GENRES),
        integer(item, YEAR),
        longValue(item, DURATION_MS),
        integer(item, TRACK_NUMBER),
        integer(item, DISC_NUMBER),
        str(item, FILE_NAME),
        str(item, OWNER),
        Visibility.fromWire(str(item, VISIBILITY)),
        str(item, SHA256),
        item.containsKey(MEDIA_KEYS)
            ? item.get(MEDIA_KEYS).m().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().s()))
            : Map.of(),
        TrackStatus.valueOf(str(item, STATUS)),
        Instant.parse(str(item, CREATED_AT)),
        Instant.parse(str(item, UPDATED_AT)),
        Long.parseLong(item.get(VERSION).n()),
        rating(item),
        audioFeatures(item));
  }

  /** Items written before ratings existed have no aggregate: nobody rated them. */
  private static Rating rating(Map<String, AttributeValue> item) {
    Long sum = longValue(item, RATING_SUM);
    Long count = longValue(item, RATING_COUNT);
    return sum == null || count == null ? Rating.NONE : new Rating(sum, count);
  }

  private static AttributeValue audioFeatures(AudioFeatures features) {
    Map<String, AttributeValue> values = new HashMap<>();
    for (String name : AudioFeatures.NAMES) {
      Number value = features.value(name);
      if (value != null) {
        values.put(name, AttributeValue.fromN(value instanceof Double d
            ? java.math.BigDecimal.valueOf(d).toPlainString() : value.toString()));
      }
    }
    return AttributeValue.fromM(values);
  }

  /** Items written before audio features existed, or of tracks nobody described, have none. */
  private static AudioFeatures audioFeatures(Map<String, AttributeValue> item) {
    AttributeValue v = item.get(AUDIO_FEATURES);
    if (v == null || !v.hasM()) {
      return null;
    }
    Map<String, Number> values = new HashMap<>();
    v.m().forEach((name, n) -> values.put(name, new java.math.BigDecimal(n.n())));
    return AudioFeatures.of(values);
  }

  /** Whether an item (from the table or a stream image) is a track. */
  public static boolean isTrack(Map<String, AttributeValue> item) {
    AttributeValue entity = item.get(ENTITY);
    return entity != null && SORT_KEY_VALUE.equals(entity.s());
  }

  /**
   * A grouping key that ignores case, accents and spacing: "Beyoncé" and "BEYONCE " share one. Not the search
   * analyzer (that lives in the indexer); just enough that an album or artist is one partition.
   */
  static String normalizedKey(String value) {
    String decomposed = Normalizer.normalize(value, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    return decomposed.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
  }

  private static String orderInAlbum(Track t) {
    return String.format(Locale.ROOT, "%s|%03d|%04d|%s",
        t.album() == null ? "" : normalizedKey(t.album()),
        t.discNumber() == null ? 0 : t.discNumber(),
        t.trackNumber() == null ? 0 : t.trackNumber(),
        t.id());
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
    if (value != null && !value.isEmpty()) {
      item.put(name, s(value));
    }
  }

  private static void putNumber(Map<String, AttributeValue> item, String name, Number value) {
    if (value != null) {
      item.put(name, AttributeValue.fromN(value.toString()));
    }
  }

  private static String str(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? null : v.s();
  }

  private static List<String> strings(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null || !v.hasL() ? List.of() : v.l().stream().map(AttributeValue::s).toList();
  }

  private static Integer integer(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? null : Integer.valueOf(v.n());
  }

  private static Long longValue(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? null : Long.valueOf(v.n());
  }
}
