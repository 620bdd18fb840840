package dev.tonearm.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;

/** The one JSON mapper: strict on input (duplicate keys, trailing tokens), plain on output. */
public final class Json {
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .findAndAddModules()
      .build();

  private Json() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + value.getClass(), e);
    }
  }

  /** Parses a request body; malformed JSON is a 400 that says where it broke. */
  public static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      throw Problem.badRequest("the request body is empty; send a JSON object");
    }
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw Problem.badRequest("malformed JSON: " + e.getOriginalMessage());
    }
  }

  public static JsonNode parse(InputStream body) {
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw Problem.badRequest("malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw Problem.badRequest("could not read the request body: " + e.getMessage());
    }
  }
}
