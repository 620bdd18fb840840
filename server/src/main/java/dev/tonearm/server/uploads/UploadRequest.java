package dev.tonearm.server.uploads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tonearm.catalog.Visibility;
import dev.tonearm.server.http.Problem;
import dev.tonearm.server.http.Problem.FieldError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /v1/uploads}, checked: every bad field is reported at once, each saying what is
 * wrong. The file name's extension must be an audio one and the content type one of that extension's.
 */
public record UploadRequest(String fileName, String extension, long size, String contentType, String sha256,
    Visibility visibility) {
  static final int MAX_FILE_NAME = 1024;
  private static final Set<String> FIELDS = Set.of("fileName", "size", "contentType", "sha256", "visibility");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

  public static UploadRequest parse(JsonNode body, long maxBytes) {
    if (body == null || !body.isObject()) {
      throw Problem.badRequest("the request body must be a JSON object");
    }
    List<FieldError> errors = new ArrayList<>();
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        errors.add(new FieldError(name, "is not an upload field; send fileName, size, contentType, sha256"
            + " and optionally visibility"));
      }
    }
    String fileName = fileName(body.get("fileName"), errors);
    String extension = fileName == null ? null : AudioTypes.extension(fileName).orElse(null);
    if (fileName != null && extension == null) {
      errors.add(new FieldError("fileName", "must end in an audio file extension (.mp3, .flac, .wav, .m4a,"
          + " .ogg, .opus, …)"));
    }
    long size = size(body.get("size"), maxBytes, errors);
    String contentType = contentType(body.get("contentType"), extension, errors);
    String sha256 = sha256(body.get("sha256"), errors);
    Visibility visibility = visibility(body.get("visibility"), errors);
    if (!errors.isEmpty()) {
      throw Problem.invalid(errors);
    }
    return new UploadRequest(fileName, extension, size, contentType, sha256, visibility);
  }

  private static String fileName(JsonNode node, List<FieldError> errors) {
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      errors.add(new FieldError("fileName", "is required: the file's name, e.g. \"01 Halo.flac\""));
      return null;
    }
    String name = node.asText().strip();
    if (name.length() > MAX_FILE_NAME) {
      errors.add(new FieldError("fileName", "must be at most " + MAX_FILE_NAME + " characters"));
      return null;
    }
    if (name.contains("/") || name.contains("\\") || name.chars().anyMatch(Character::isISOControl)) {
      errors.add(new FieldError("fileName", "must be a bare file name: no path separators or control characters"));
      return null;
    }
    return name;
  }

  private static long size(JsonNode node, long maxBytes, List<FieldError> errors) {
    if (node == null || !node.canConvertToExactIntegral() || !node.canConvertToLong()) {
      errors.add(new FieldError("size", "is required: the file's length in bytes, a whole number"));
      return 0;
    }
    long size = node.asLong();
    if (size < 1) {
      errors.add(new FieldError("size", "must be at least 1 byte"));
    } else if (size > maxBytes) {
      errors.add(new FieldError("size", "must be at most " + maxBytes + " bytes (" + maxBytes / UploadLimits.MIB
          + " MiB), the largest upload accepted"));
    }
    return size;
  }

  private static String contentType(JsonNode node, String extension, List<FieldError> errors) {
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      errors.add(new FieldError("contentType", "is required: the file's audio content type, e.g. audio/flac"));
      return null;
    }
    String type = AudioTypes.mediaType(node.asText());
    if (!AudioTypes.isAudio(type)) {
      errors.add(new FieldError("contentType", "must be an audio content type (audio/mpeg, audio/flac, audio/wav,"
          + " audio/mp4, audio/ogg, …); '" + type + "' is not one"));
    } else if (extension != null && !AudioTypes.contentTypes(extension).contains(type)) {
      errors.add(new FieldError("contentType", "'" + type + "' does not match the file extension ." + extension
          + "; expected one of " + AudioTypes.contentTypes(extension)));
    }
    return type;
  }

  private static String sha256(JsonNode node, List<FieldError> errors) {
    if (node == null || !node.isTextual() || !SHA256.matcher(node.asText()).matches()) {
      errors.add(new FieldError("sha256", "is required: the file's SHA-256 as 64 hexadecimal digits"));
      return null;
    }
    return node.asText().toLowerCase(Locale.ROOT);
  }

  private static Visibility visibility(JsonNode node, List<FieldError> errors) {
    if (node == null || node.isNull()) {
      return Visibility.PRIVATE;
    }
    try {
      return Visibility.fromWire(node.asText());
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("visibility", e.getMessage()));
      return null;
    }
  }
}
