package dev.tonearm.server.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tonearm.server.http.Json;
import dev.tonearm.server.http.Problem;
import dev.tonearm.server.tracks.TrackCsv;
import dev.tonearm.server.tracks.TrackFields;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams import rows as JSON objects, numbered from 1. JSON input is one array of track objects (the export
 * format); CSV input has a header row naming track fields (the export's columns), list cells split on ';', the
 * audio feature columns gathered into one {@code audioFeatures} object (a row with none of them has none).
 * A malformed file as a whole (bad JSON, an unknown CSV column) is a 400; a bad row is the row's problem.
 */
public final class ImportRows {
  public enum Format { CSV, JSON }

  private ImportRows() {}

  /** The format a content type or file name implies; a 415-style 400 if neither says. */
  public static Format formatOf(String contentTypeOrFileName) {
    String s = contentTypeOrFileName == null ? "" : contentTypeOrFileName.toLowerCase(Locale.ROOT);
    if (s.contains("csv")) {
      return Format.CSV;
    }
    if (s.contains("json")) {
      return Format.JSON;
    }
    throw new Problem(415, "Unsupported Media Type", "send text/csv or application/json");
  }

  public static void read(InputStream in, Format format, BiConsumer<Integer, JsonNode> sink) {
    try {
      if (format == Format.CSV) {
        readCsv(new InputStreamReader(in, StandardCharsets.UTF_8), sink);
      } else {
        readJson(in, sink);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw Problem.badRequest("could not read the import: " + e.getMessage());
    }
  }

  private static void readJson(InputStream in, BiConsumer<Integer, JsonNode> sink) throws IOException {
    ObjectReader reader = Json.MAPPER.readerFor(JsonNode.class)
        .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS); // rows are read one by one from the array
    try (JsonParser parser = reader.createParser(in)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw Problem.badRequest("a JSON import must be one array of track objects");
      }
      int row = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        if (parser.currentToken() == null) {
          throw Problem.badRequest("the JSON import ends before its closing ']'");
        }
        sink.accept(++row, reader.readValue(parser));
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw Problem.badRequest("malformed JSON at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
    }
  }

  private static void readCsv(Reader reader, BiConsumer<Integer, JsonNode> sink) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    try (CSVParser csv = format.parse(reader)) {
      List<String> header = csv.getHeaderNames();
      for (String column : header) {
        if (column.equals(TrackFields.AUDIO_FEATURES)) {
          throw Problem.invalid(List.of(new Problem.FieldError(column, "is given in CSV as one column per feature ("
              + String.join(", ", TrackCsv.FEATURE_COLUMNS) + ")")));
        }
        if (!TrackFields.EDITABLE.contains(column) && !TrackFields.READ_ONLY.contains(column)
            && !TrackCsv.FEATURE_COLUMNS.contains(column)) {
          throw Problem.invalid(List.of(new Problem.FieldError(column, "is not a track field (CSV header)")));
        }
      }
      int row = 0;
      for (CSVRecord record : csv) {
        sink.accept(++row, toObject(header, record));
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw Problem.badRequest("malformed CSV: " + e.getMessage());
    }
  }

  private static ObjectNode toObject(List<String> header, CSVRecord record) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < header.size() && i < record.size(); i++) {
      String column = header.get(i);
      String cell = record.get(i);
      if (cell.isEmpty()) {
        continue;
      }
      if (TrackCsv.FEATURE_COLUMNS.contains(column)) {
        ObjectNode features = node.has(TrackFields.AUDIO_FEATURES)
            ? (ObjectNode) node.get(TrackFields.AUDIO_FEATURES) : node.putObject(TrackFields.AUDIO_FEATURES);
        putNumber(features, column, cell);
      } else if (TrackCsv.LIST_COLUMNS.contains(column)) {
        TrackCsv.splitList(cell).forEach(node.putArray(column)::add);
      } else if (TrackCsv.NUMBER_COLUMNS.contains(column) && cell.matches("-?\\d{1,18}")) {
        node.put(column, Long.parseLong(cell));
      } else {
        node.put(column, cell);
      }
    }
    return node;
  }

  /** A number as a number; anything else as text, for the field check to refuse with its rule. */
  private static void putNumber(ObjectNode node, String name, String cell) {
    try {
      node.put(name, new java.math.BigDecimal(cell));
    } catch (NumberFormatException e) {
      node.put(name, cell);
    }
  }
}
