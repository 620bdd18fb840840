package dev.tonearm.catalog.dynamo;

import dev.tonearm.catalog.Upload;
import dev.tonearm.catalog.UploadStatus;
import dev.tonearm.catalog.Visibility;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Upload ⇄ DynamoDB item: {@code pk = UPLOAD#<id>}, {@code sk = UPLOAD}. An upload never carries a track's
 * {@code id} attribute, so it stays out of every track index. Two derived attributes key the upload indexes:
 * {@code uploadOrder} ({@code createdAt|id}, newest-first listings) and {@code openState} (the status, present
 * only while the upload is not final, which keeps {@code byOpenUpload} down to the uploads still in flight).
 */
public final class UploadItems {
  public static final String SORT_KEY_VALUE = "UPLOAD";
  public static final String UPLOAD_ID = "uploadId";
  public static final String UPLOADER = "uploader";
  public static final String FILE_NAME = "fileName";
  public static final String SIZE = "size";
  public static final String CONTENT_TYPE = "contentType";
  public static final String SHA256 = "sha256";
  public static final String VISIBILITY = "visibility";
  public static final String STATUS = "status";
  public static final String REASON = "reason";
  public static final String TRACK_ID = "trackId";
  public static final String OBJECT_KEY = "objectKey";
  public static final String MULTIPART_ID = "multipartId";
  public static final String ATTEMPTS = "attempts";
  public static final String EXPIRES_AT = "expiresAt";
  public static final String CREATED_AT = "createdAt";
  public static final String UPDATED_AT = "updatedAt";
  public static final String VERSION = "version";
  public static final String UPLOAD_ORDER = "uploadOrder";
  public static final String OPEN_STATE = "openState";

  private UploadItems() {}

  public static Map<String, AttributeValue> toItem(Upload u) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(CatalogTable.PK, s(CatalogTable.uploadPk(u.id())));
    item.put(CatalogTable.SK, s(SORT_KEY_VALUE));
    item.put(TrackItems.ENTITY, s(SORT_KEY_VALUE));
    item.put(UPLOAD_ID, s(u.id()));
    item.put(UPLOADER, s(u.owner()));
    item.put(FILE_NAME, s(u.fileName()));
    item.put(SIZE, n(u.size()));
    putIfPresent(item, CONTENT_TYPE, u.contentType());
    item.put(SHA256, s(u.sha256()));
    item.put(VISIBILITY, s(u.visibility().wireName()));
    item.put(STATUS, s(u.status().name()));
    putIfPresent(item, REASON, u.reason());
    putIfPresent(item, TRACK_ID, u.trackId());
    putIfPresent(item, OBJECT_KEY, u.objectKey());
    putIfPresent(item, MULTIPART_ID, u.multipartId());
    item.put(ATTEMPTS, n(u.attempts()));
    if (u.expiresAt() != null) {
      item.put(EXPIRES_AT, s(u.expiresAt().toString()));
    }
    item.put(CREATED_AT, s(u.createdAt().toString()));
    item.put(UPDATED_AT, s(u.updatedAt().toString()));
    item.put(VERSION, n(u.version()));
    item.put(UPLOAD_ORDER, s(order(u)));
    if (!u.status().isFinal()) {
      item.put(OPEN_STATE, s(u.status().name()));
    }
    return item;
  }

  public static Upload fromItem(Map<String, AttributeValue> item) {
    return new Upload(
        str(item, UPLOAD_ID),
        str(item, UPLOADER),
        str(item, FILE_NAME),
        Long.parseLong(item.get(SIZE).n()),
        str(item, CONTENT_TYPE),
        str(item, SHA256),
        Visibility.fromWire(str(item, VISIBILITY)),
        UploadStatus.valueOf(str(item, STATUS)),
        str(item, REASON),
        str(item, TRACK_ID),
        str(item, OBJECT_KEY),
        str(item, MULTIPART_ID),
        Integer.parseInt(item.get(ATTEMPTS).n()),
        item.containsKey(EXPIRES_AT) ? Instant.parse(str(item, EXPIRES_AT)) : null,
        Instant.parse(str(item, CREATED_AT)),
        Instant.parse(str(item, UPDATED_AT)),
        Long.parseLong(item.get(VERSION).n()));
  }

  /** The listing position of an upload: creation time, then id (ISO instants sort as strings). */
  public static String order(Upload u) {
    return u.createdAt() + "|" + u.id();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
    if (value != null && !value.isEmpty()) {
      item.put(name, s(value));
    }
  }

  private static String str(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? null : v.s();
  }
}
