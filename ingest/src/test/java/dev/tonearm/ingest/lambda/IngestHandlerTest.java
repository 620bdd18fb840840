package dev.tonearm.ingest.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tonearm.catalog.Upload;
import dev.tonearm.catalog.UploadStatus;
import dev.tonearm.catalog.Visibility;
import dev.tonearm.ingest.IngestFixture;
import dev.tonearm.ingest.S3Events;
import dev.tonearm.ingest.media.ToneGenerator;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lambda handler fed an S3 notification as S3 sends it (a JSON fixture), over the real parts. */
class IngestHandlerTest {
  @TempDir Path dir;

  @Test
  void an_object_created_notification_makes_the_upload_ready() throws Exception {
    try (IngestFixture fixture = new IngestFixture()) {
      Path song = new ToneGenerator("ffmpeg").write(dir.resolve("Hoppipolla.mp3"), Duration.ofSeconds(2),
          Map.of("title", "Hoppípolla", "artist", "Sigur Rós"), null);
      Upload upload = fixture.upload(song, "jonsi", Visibility.PUBLIC);
      S3Event event = event("events/s3-object-created.json", fixture.bucket(), upload.objectKey(), upload.size());

      String answer = new IngestHandler(fixture.ingest.worker()).handleRequest(event, null);

      assertThat(answer).isEqualTo("handled 1");
      assertThat(fixture.reread(upload).status()).isEqualTo(UploadStatus.READY);
    }
  }

  /** The fixture with its placeholders filled, read into the events library's records. */
  static S3Event event(String resource, String bucket, String key, long size) throws Exception {
    String json;
    try (InputStream in = IngestHandlerTest.class.getClassLoader().getResourceAsStream(resource)) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${bucket}", bucket)
          .replace("${key}", key).replace("${size}", Long.toString(size));
    }
    List<S3EventNotificationRecord> records = new ArrayList<>();
    for (JsonNode r : new ObjectMapper().readTree(json).get("Records")) {
      JsonNode object = r.path("s3").path("object");
      records.add(S3Events.record(r.get("eventName").asText(), r.path("s3").path("bucket").path("name").asText(),
          object.get("key").asText(), object.get("size").asLong(), object.get("eTag").asText(),
          Instant.parse(r.get("eventTime").asText())));
    }
    return new S3Event(records);
  }
}
