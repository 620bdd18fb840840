package dev.tonearm.server.uploads;

import dev.tonearm.catalog.TrackTags;
import dev.tonearm.catalog.Upload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Uploads as the API shows them. Unknown values are null, so every upload has one shape. */
final class UploadView {
  private UploadView() {}

  static Map<String, Object> of(Upload u, Optional<TrackTags> tags) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("uploadId", u.id());
    view.put("status", u.status().name());
    view.put("reason", u.reason());
    view.put("trackId", u.trackId());
    view.put("fileName", u.fileName());
    view.put("size", u.size());
    view.put("contentType", u.contentType());
    view.put("sha256", u.sha256());
    view.put("visibility", u.visibility().wireName());
    view.put("multipart", u.multipartId() != null);
    view.put("createdAt", u.createdAt().toString());
    view.put("updatedAt", u.updatedAt().toString());
    view.put("expiresAt", u.expiresAt() == null ? null : u.expiresAt().toString());
    tags.ifPresent(t -> view.put("tags", tags(t)));
    return view;
  }

  /** The answer to a new single-PUT upload: exactly what the client needs to send the file. */
  static Map<String, Object> single(Upload u, UploadStorage.Signed put) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("uploadId", u.id());
    view.put("status", u.status().name());
    view.put("url", put.url());
    view.put("method", "PUT");
    view.put("headers", put.headers());
    view.put("expiresAt", u.expiresAt().toString());
    return view;
  }

  /** The answer to a new multipart upload: one URL per part, then the completion call. */
  static Map<String, Object> multipart(Upload u, long partSize, List<UploadStorage.Signed> parts) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("uploadId", u.id());
    view.put("status", u.status().name());
    view.put("method", "PUT");
    view.put("partSize", partSize);
    List<Map<String, Object>> list = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      Map<String, Object> part = new LinkedHashMap<>();
      part.put("partNumber", i + 1);
      part.put("url", parts.get(i).url());
      part.put("headers", parts.get(i).headers());
      list.add(part);
    }
    view.put("parts", list);
    view.put("complete", Map.of("method", "POST", "url", "/v1/uploads/" + u.id() + "/complete"));
    view.put("expiresAt", u.expiresAt().toString());
    return view;
  }

  private static Map<String, Object> tags(TrackTags t) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("compilation", t.compilation());
    view.put("trackTotal", t.trackTotal());
    view.put("discTotal", t.discTotal());
    view.put("musicBrainzIds", t.musicBrainzIds());
    view.put("replayGain", t.replayGain());
    view.put("lyrics", t.lyrics());
    return view;
  }
}
