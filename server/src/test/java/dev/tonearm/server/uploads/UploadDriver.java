package dev.tonearm.server.uploads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tonearm.server.TestServer;
import dev.tonearm.server.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * What a client does to upload a file: declare it, PUT the bytes to the presigned URL with exactly the headers
 * the API returned, then poll the upload until it is READY or FAILED. For tests that need a track made the way
 * users make them.
 */
public final class UploadDriver {
  private static final HttpClient S3 = HttpClient.newHttpClient();

  private UploadDriver() {}

  /** Uploads {@code file} as {@code contentType} and returns the finished upload (READY or FAILED). */
  public static JsonNode upload(TestServer server, String token, Path file, String contentType, String visibility)
      throws Exception {
    String declared = "{\"fileName\":" + Json.write(file.getFileName().toString()) + ",\"size\":" + Files.size(file)
        + ",\"contentType\":\"" + contentType + "\",\"sha256\":\"" + sha256(file) + "\",\"visibility\":\""
        + visibility + "\"}";
    var created = server.http.post("/v1/uploads", token, declared);
    if (created.status() != 201) {
      throw new AssertionError("upload refused (" + created.status() + "): " + created.raw().body());
    }
    JsonNode upload = created.json();
    HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.get("url").asText()))
        .PUT(HttpRequest.BodyPublishers.ofFile(file));
    for (Iterator<Map.Entry<String, JsonNode>> it = upload.get("headers").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> header = it.next();
      if (!header.getKey().equalsIgnoreCase("Content-Length")) { // the client sets it from the body
        put.header(header.getKey(), header.getValue().asText());
      }
    }
    HttpResponse<String> stored = S3.send(put.build(), HttpResponse.BodyHandlers.ofString());
    if (stored.statusCode() != 200) {
      throw new AssertionError("the presigned PUT failed (" + stored.statusCode() + "): " + stored.body());
    }
    return awaitFinal(server, upload.get("uploadId").asText(), token);
  }

  /** Polls the upload until it is READY or FAILED (two minutes at most). */
  public static JsonNode awaitFinal(TestServer server, String id, String token) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    JsonNode upload = null;
    while (System.nanoTime() < deadline) {
      upload = server.http.get("/v1/uploads/" + id, token).json();
      if (Set.of("READY", "FAILED").contains(upload.get("status").asText())) {
        return upload;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("upload " + id + " did not finish: " + upload);
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
