package dev.tonearm.snapshots;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.HashSet;
import java.util.Set;

/**
 * Manifests and the pointer as JSON. Reading validates what a replica will act on: a manifest that names a file
 * outside its lineage, an unsafe local file name or a generation other than its key's is corrupt, never obeyed.
 */
final class ManifestCodec {
  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES); // later formats may add fields

  /** The pointer object's content: the generation it points to. */
  record Pointer(long generation) {}

  private ManifestCodec() {}

  static byte[] write(Manifest manifest) {
    return bytes(manifest);
  }

  static byte[] write(Pointer pointer) {
    return bytes(pointer);
  }

  static Manifest readManifest(long generation, byte[] json) throws CorruptGenerationException {
    Manifest m;
    try {
      m = JSON.readValue(json, Manifest.class);
    } catch (java.io.IOException | RuntimeException e) {
      throw new CorruptGenerationException(generation, "the manifest is not readable JSON: " + e.getMessage(), e);
    }
    validate(generation, m);
    return m;
  }

  /** The pointer's generation, or 0 when its content is unreadable (it is only a hint; the next publish fixes it). */
  static long readPointer(byte[] json) {
    try {
      return JSON.readValue(json, Pointer.class).generation();
    } catch (java.io.IOException | RuntimeException e) {
      return 0;
    }
  }

  private static void validate(long generation, Manifest m) throws CorruptGenerationException {
    String problem = problem(generation, m);
    if (problem != null) {
      throw new CorruptGenerationException(generation, "invalid manifest: " + problem, null);
    }
  }

  private static String problem(long generation, Manifest m) {
    if (m.format() > Manifest.FORMAT) {
      return "format " + m.format() + " is newer than this reader understands (" + Manifest.FORMAT + ")";
    }
    if (m.generation() != generation) {
      return "it says generation " + m.generation();
    }
    try {
      StoreLayout.requireLineage(m.lineage());
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    Set<String> names = new HashSet<>();
    for (Manifest.IndexFile f : m.files()) {
      if (!StoreLayout.isSafeFileName(f.name()) || !names.add(f.name())) {
        return "bad or repeated file name " + f.name();
      }
      if (f.key() == null || !f.key().startsWith(StoreLayout.filesPrefix(m.lineage())) || f.length() < 0) {
        return "file " + f.name() + " has key " + f.key() + " outside its lineage";
      }
    }
    if (!names.contains(m.segmentsFile()) || !m.segmentsFile().startsWith("segments_")) {
      return "segments file " + m.segmentsFile() + " is not among its files";
    }
    return null;
  }

  private static byte[] bytes(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }
}
