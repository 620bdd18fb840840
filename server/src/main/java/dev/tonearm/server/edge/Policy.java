package dev.tonearm.server.edge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tonearm.server.http.Json;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A CloudFront policy statement: the resource (a URL, with {@code *} and {@code ?} wildcards; absent means any
 * URL of the distribution), the end of validity ({@code DateLessThan}, required), and optionally its start
 * ({@code DateGreaterThan}) and a source address block ({@code IpAddress}). Anything else is a malformed policy.
 */
record Policy(Optional<String> resource, long dateLessThan, OptionalLong dateGreaterThan, Optional<Cidr> sourceIp) {
  private static final String EPOCH = "AWS:EpochTime";

  /** The statement CloudFront rebuilds for a canned policy, byte for byte as the signer wrote it. */
  static String canned(String resourceUrl, long expires) {
    return "{\"Statement\":[{\"Resource\":\"" + resourceUrl + "\",\"Condition\":{\"DateLessThan\":{\"" + EPOCH
        + "\":" + expires + "}}}]}";
  }

  static Optional<Policy> parse(byte[] json) {
    try {
      JsonNode root = Json.MAPPER.readTree(json);
      JsonNode statements = root == null ? null : root.get("Statement");
      if (!hasOnly(root, Set.of("Statement")) || statements == null || !statements.isArray() || statements.size() != 1) {
        return Optional.empty();
      }
      JsonNode statement = statements.get(0);
      JsonNode condition = statement.get("Condition");
      JsonNode resource = statement.get("Resource");
      if (!hasOnly(statement, Set.of("Resource", "Condition")) || (resource != null && !resource.isTextual())
          || !hasOnly(condition, Set.of("DateLessThan", "DateGreaterThan", "IpAddress"))) {
        return Optional.empty();
      }
      OptionalLong until = epoch(condition.get("DateLessThan"));
      OptionalLong from = condition.has("DateGreaterThan") ? epoch(condition.get("DateGreaterThan")) : OptionalLong.of(0);
      Optional<Optional<Cidr>> ip = condition.has("IpAddress") ? sourceIp(condition.get("IpAddress"))
          : Optional.of(Optional.empty());
      if (until.isEmpty() || from.isEmpty() || ip.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Policy(Optional.ofNullable(resource).map(JsonNode::asText), until.getAsLong(),
          condition.has("DateGreaterThan") ? from : OptionalLong.empty(), ip.get()));
    } catch (IOException malformed) {
      return Optional.empty();
    }
  }

  private static OptionalLong epoch(JsonNode node) {
    if (!hasOnly(node, Set.of(EPOCH)) || !node.get(EPOCH).canConvertToExactIntegral() || !node.get(EPOCH).canConvertToLong()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(node.get(EPOCH).asLong());
  }

  private static Optional<Optional<Cidr>> sourceIp(JsonNode node) {
    if (!hasOnly(node, Set.of("AWS:SourceIp")) || !node.get("AWS:SourceIp").isTextual()) {
      return Optional.empty();
    }
    return Cidr.parse(node.get("AWS:SourceIp").asText()).map(Optional::of);
  }

  /** An object whose fields are all among {@code allowed} (and that has at least one). */
  private static boolean hasOnly(JsonNode node, Set<String> allowed) {
    if (node == null || !node.isObject() || node.isEmpty()) {
      return false;
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      if (!allowed.contains(names.next())) {
        return false;
      }
    }
    return true;
  }
}
