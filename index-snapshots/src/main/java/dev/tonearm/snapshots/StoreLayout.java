package dev.tonearm.snapshots;

import java.util.HexFormat;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The store's key layout, in one place:
 * <pre>
 * latest.json                                    pointer to the newest generation (a hint, advanced by If-Match)
 * manifests/00000000000000000042.json            generation 42, created once with If-None-Match: *
 * lineages/&lt;lineage&gt;/files/_0.cfs.&lt;crc32-hex&gt;     a file's bytes, keyed by lineage, name and checksum
 * </pre>
 * Generation numbers are zero-padded so that key order is generation order. File keys carry the Lucene checksum
 * because names repeat: a rebuild begins again at {@code _0}, and a writer that died after uploading leaves
 * objects whose names its successor reuses for different bytes.
 */
final class StoreLayout {
  static final String POINTER = "latest.json";
  static final String MANIFESTS = "manifests/";
  static final String LINEAGES = "lineages/";

  private static final Pattern MANIFEST_KEY = Pattern.compile("manifests/(\\d{20})\\.json");
  private static final Pattern LINEAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}");

  private StoreLayout() {}

  static String manifestKey(long generation) {
    return String.format(Locale.ROOT, "%s%020d.json", MANIFESTS, generation);
  }

  /** The generation a manifest key names; empty for any other key. */
  static OptionalLong generationOf(String key) {
    Matcher m = MANIFEST_KEY.matcher(key);
    return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }

  static String fileKey(String lineage, String name, long checksum) {
    return LINEAGES + lineage + "/files/" + name + "." + HexFormat.of().toHexDigits((int) checksum);
  }

  static String filesPrefix(String lineage) {
    return LINEAGES + lineage + "/files/";
  }

  static String requireLineage(String lineage) {
    if (lineage == null || !LINEAGE.matcher(lineage).matches()) {
      throw new IllegalArgumentException("a lineage id is 1-128 of [A-Za-z0-9._-], starting alphanumeric: "
          + lineage);
    }
    return lineage;
  }

  /** True for a plain Lucene file name: safe to use as a local file name (no separators, no dot files). */
  static boolean isSafeFileName(String name) {
    return name != null && FILE_NAME.matcher(name).matches() && !name.contains("..");
  }
}
