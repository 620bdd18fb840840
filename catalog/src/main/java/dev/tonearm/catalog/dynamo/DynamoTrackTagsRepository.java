package dev.tonearm.catalog.dynamo;

import dev.tonearm.catalog.TrackTags;
import dev.tonearm.catalog.TrackTags.ReplayGain;
import dev.tonearm.catalog.TrackTagsRepository;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A track's extra tags as an item in the track's own partition: {@code pk = TRACK#<id>}, {@code sk = TAGS},
 * {@code entity = TRACK_TAGS}. Its entity keeps it out of the search index (which takes {@code TRACK} items
 * only) and, lacking a track {@code id} attribute, it is in no index.
 */
public final class DynamoTrackTagsRepository implements TrackTagsRepository {
  public static final String SORT_KEY_VALUE = "TAGS";
  public static final String ENTITY_VALUE = "TRACK_TAGS";
  private static final String TRACK_ID = "trackId";
  private static final String COMPILATION = "compilation";
  private static final String TRACK_TOTAL = "trackTotal";
  private static final String DISC_TOTAL = "discTotal";
  private static final String MUSICBRAINZ = "musicBrainzIds";
  private static final String LYRICS = "lyrics";
  private static final String TRACK_GAIN = "rgTrackGainDb";
  private static final String TRACK_PEAK = "rgTrackPeak";
  private static final String ALBUM_GAIN = "rgAlbumGainDb";
  private static final String ALBUM_PEAK = "rgAlbumPeak";

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoTrackTagsRepository(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public void put(TrackTags tags) {
    dynamo.putItem(b -> b.tableName(table).item(toItem(tags)));
  }

  @Override
  public Optional<TrackTags> get(String trackId) {
    Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(trackId)).consistentRead(true))
        .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
  }

  @Override
  public void delete(String trackId) {
    dynamo.deleteItem(b -> b.tableName(table).key(key(trackId)));
  }

  private static Map<String, AttributeValue> key(String trackId) {
    return Map.of(CatalogTable.PK, AttributeValue.fromS(CatalogTable.trackPk(trackId)),
        CatalogTable.SK, AttributeValue.fromS(SORT_KEY_VALUE));
  }

  static Map<String, AttributeValue> toItem(TrackTags t) {
    Map<String, AttributeValue> item = new HashMap<>(key(t.trackId()));
    item.put(TrackItems.ENTITY, AttributeValue.fromS(ENTITY_VALUE));
    item.put(TRACK_ID, AttributeValue.fromS(t.trackId()));
    if (t.compilation() != null) {
      item.put(COMPILATION, AttributeValue.fromBool(t.compilation()));
    }
    putNumber(item, TRACK_TOTAL, t.trackTotal());
    putNumber(item, DISC_TOTAL, t.discTotal());
    if (!t.musicBrainzIds().isEmpty()) {
      item.put(MUSICBRAINZ, AttributeValue.fromM(t.musicBrainzIds().entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> AttributeValue.fromS(e.getValue())))));
    }
    if (t.replayGain() != null) {
      putNumber(item, TRACK_GAIN, t.replayGain().trackGainDb());
      putNumber(item, TRACK_PEAK, t.replayGain().trackPeak());
      putNumber(item, ALBUM_GAIN, t.replayGain().albumGainDb());
      putNumber(item, ALBUM_PEAK, t.replayGain().albumPeak());
    }
    if (t.lyrics() != null && !t.lyrics().isEmpty()) {
      item.put(LYRICS, AttributeValue.fromS(t.lyrics()));
    }
    return item;
  }

  static TrackTags fromItem(Map<String, AttributeValue> item) {
    ReplayGain gain = new ReplayGain(dbl(item, TRACK_GAIN), dbl(item, TRACK_PEAK), dbl(item, ALBUM_GAIN),
        dbl(item, ALBUM_PEAK));
    return new TrackTags(
        item.get(TRACK_ID).s(),
        item.containsKey(COMPILATION) ? item.get(COMPILATION).bool() : null,
        item.containsKey(TRACK_TOTAL) ? Integer.valueOf(item.get(TRACK_TOTAL).n()) : null,
        item.containsKey(DISC_TOTAL) ? Integer.valueOf(item.get(DISC_TOTAL).n()) : null,
        item.containsKey(MUSICBRAINZ) ? item.get(MUSICBRAINZ).m().entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().s())) : Map.of(),
        gain.isEmpty() ? null : gain,
        item.containsKey(LYRICS) ? item.get(LYRICS).s() : null);
  }

  private static void putNumber(Map<String, AttributeValue> item, String name, Number value) {
    if (value != null) {
      item.put(name, AttributeValue.fromN(value.toString()));
    }
  }

  private static Double dbl(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? null : Double.valueOf(v.n());
  }
}
