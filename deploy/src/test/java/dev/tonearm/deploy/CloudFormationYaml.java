package dev.tonearm.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation template, turning the short-form intrinsic functions ({@code !Ref X},
 * {@code !GetAtt A.B}, {@code !Sub …}) into their long forms ({@code {"Ref": X}}, {@code {"Fn::GetAtt": …}}).
 */
final class CloudFormationYaml {
  private CloudFormationYaml() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> read(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file)) {
      return (Map<String, Object>) new Yaml(new Intrinsics()).load(in);
    }
  }

  private static final class Intrinsics extends SafeConstructor {
    Intrinsics() {
      super(new LoaderOptions());
      for (String name : new String[] {"Ref", "Condition", "GetAtt", "Sub", "If", "Not", "Equals", "And", "Or",
          "Join", "Select", "Split", "GetAZs", "ImportValue", "FindInMap", "Base64", "Cidr"}) {
        String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
        yamlConstructors.put(new Tag("!" + name), new AbstractConstruct() {
          @Override
          public Object construct(Node node) {
            Object value = switch (node) {
              case ScalarNode scalar -> constructScalar(scalar);
              case SequenceNode sequence -> constructSequence(sequence);
              case MappingNode mapping -> constructMapping(mapping);
              default -> throw new IllegalStateException("unexpected node " + node);
            };
            return Map.of(key, value);
          }
        });
      }
    }
  }
}
