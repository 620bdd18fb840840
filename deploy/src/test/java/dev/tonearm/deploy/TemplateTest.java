package dev.tonearm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tonearm.catalog.dynamo.CatalogTable;
import dev.tonearm.ingest.IngestConfig;
import dev.tonearm.lambda.WriterConfig;
import dev.tonearm.server.config.ServerConfig;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * template.yaml against the code it deploys: it lints, every reference resolves, every handler exists in the
 * built artifact, every environment variable is one the code reads (and every one it needs is set), and the
 * table is the one the code creates locally.
 */
class TemplateTest {
  private static final Path ROOT = Path.of(System.getProperty("tonearm.root", "..")).toAbsolutePath().normalize();
  private static final Path TEMPLATE = ROOT.resolve("template.yaml");
  private static final Set<String> PSEUDO = Set.of("AWS::AccountId", "AWS::NoValue", "AWS::Partition",
      "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix", "AWS::NotificationARNs");
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

  private static Map<String, Object> template;

  @BeforeAll
  static void read() throws IOException {
    template = CloudFormationYaml.read(TEMPLATE);
  }

  @Test
  void cfn_lint_passes() throws Exception {
    Process lint;
    try {
      lint = new ProcessBuilder("cfn-lint", TEMPLATE.toString()).redirectErrorStream(true).start();
    } catch (IOException absent) {
      Assumptions.abort("cfn-lint is not installed here (pip install cfn-lint): the template was not linted");
      return;
    }
    String output = new String(lint.getInputStream().readAllBytes());
    assertThat(lint.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(lint.exitValue()).as("cfn-lint says:%n%s", output).isZero();
  }

  @Test
  void every_ref_getatt_sub_and_condition_names_something_the_template_declares() {
    Set<String> resources = section("Resources").keySet();
    Set<String> names = new HashSet<>(resources);
    names.addAll(section("Parameters").keySet());
    names.addAll(PSEUDO);
    Set<String> conditions = section("Conditions").keySet();
    List<String> unresolved = new ArrayList<>();
    walk(template, (key, value) -> {
      switch (key) {
        case "Ref" -> check(names.contains(value), "Ref " + value, unresolved);
        case "Fn::GetAtt" -> {
          String target = value instanceof List<?> list ? String.valueOf(list.getFirst())
              : String.valueOf(value).split("\\.")[0];
          check(resources.contains(target), "GetAtt " + value, unresolved);
        }
        case "Fn::Sub" -> {
          String text = value instanceof List<?> list ? String.valueOf(list.getFirst()) : String.valueOf(value);
          Set<String> local = value instanceof List<?> list && list.size() > 1 && list.get(1) instanceof Map<?, ?> m
              ? stringKeys(m) : Set.of();
          Matcher m = SUB_VARIABLE.matcher(text);
          while (m.find()) {
            String variable = m.group(1).split("\\.")[0];
            check(names.contains(variable) || local.contains(variable), "Sub ${" + m.group(1) + "}", unresolved);
          }
        }
        case "Condition" -> check(!(value instanceof String s) || conditions.contains(s), "Condition " + value,
            unresolved);
        case "Fn::If" -> check(conditions.contains(String.valueOf(((List<?>) value).getFirst())), "If " + value,
            unresolved);
        case "DependsOn" -> {
          List<?> targets = value instanceof List<?> list ? list : List.of(value);
          targets.forEach(t -> check(resources.contains(String.valueOf(t)), "DependsOn " + t, unresolved));
        }
        default -> { }
      }
    });
    assertThat(unresolved).isEmpty();
  }

  @Test
  void every_function_handler_is_a_public_method_in_its_built_artifact() throws Exception {
    Map<String, Map<String, Object>> functions = resourcesOfType("AWS::Serverless::Function");
    assertThat(functions).isNotEmpty();
    for (var function : functions.entrySet()) {
      Map<String, Object> props = properties(function.getValue());
      Path artifact = ROOT.resolve(String.valueOf(props.get("CodeUri")));
      assertThat(artifact).as("%s's CodeUri (build with mvn package first)", function.getKey()).isRegularFile();
      String[] handler = String.valueOf(props.get("Handler")).split("::");
      try (ZipFile jar = new ZipFile(artifact.toFile());
          URLClassLoader loader = new URLClassLoader(new URL[] {artifact.toUri().toURL()}, null)) {
        assertThat(jar.getEntry(handler[0].replace('.', '/') + ".class"))
            .as("%s in %s", handler[0], artifact.getFileName()).isNotNull();
        Class<?> type = Class.forName(handler[0], false, loader);
        assertThat(Arrays.stream(type.getMethods()).map(Method::getName)).contains(handler[1]);
        assertThat(Modifier.isPublic(type.getConstructor().getModifiers())).isTrue();
      }
    }
  }

  @Test
  void the_server_containers_get_exactly_the_variables_the_server_reads() {
    Map<String, Object> container = firstOf(properties(resource("ServerTaskDefinition")).get("ContainerDefinitions"));
    Set<String> set = new TreeSet<>();
    for (String section : List.of("Environment", "Secrets")) {
      for (Object entry : (List<?>) container.getOrDefault(section, List.of())) {
        set.add(String.valueOf(((Map<?, ?>) entry).get("Name")));
      }
    }
    assertThat(set).isEqualTo(deployed(ServerConfig.NAMES, ServerConfig.LOCAL_ONLY));
  }

  @Test
  void the_index_writer_gets_exactly_the_variables_it_reads() {
    Set<String> set = variables("IndexWriterFunction");
    set.remove("JAVA_TOOL_OPTIONS"); // read by the JVM, not by Tonearm
    assertThat(set).isEqualTo(deployed(WriterConfig.NAMES, WriterConfig.LOCAL_ONLY));
  }

  @Test
  void the_ingest_function_gets_exactly_the_variables_ingestion_reads() {
    assertThat(variables("IngestFunction"))
        .isEqualTo(deployed(IngestConfig.NAMES, List.of(IngestConfig.S3_ENDPOINT, IngestConfig.DYNAMODB_ENDPOINT)));
  }

  @Test
  void the_table_has_the_keys_indexes_and_stream_the_code_creates_locally() {
    Map<String, Object> table = properties(resource("CatalogTable"));
    CreateTableRequest code = CatalogTable.definition("catalog");
    assertThat(attributeTypes(table)).isEqualTo(new TreeMap<>(code.attributeDefinitions().stream().collect(
        java.util.stream.Collectors.toMap(a -> a.attributeName(), a -> a.attributeTypeAsString()))));
    assertThat(keys(table.get("KeySchema"))).isEqualTo(code.keySchema().stream()
        .map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList());
    Map<String, String> indexes = new TreeMap<>();
    for (Object gsi : (List<?>) table.get("GlobalSecondaryIndexes")) {
      Map<?, ?> g = (Map<?, ?>) gsi;
      indexes.put(String.valueOf(g.get("IndexName")), keys(g.get("KeySchema")) + " "
          + ((Map<?, ?>) g.get("Projection")).get("ProjectionType"));
    }
    Map<String, String> expected = new TreeMap<>();
    code.globalSecondaryIndexes().forEach(g -> expected.put(g.indexName(), g.keySchema().stream()
        .map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList() + " "
        + g.projection().projectionTypeAsString()));
    assertThat(indexes).isEqualTo(expected);
    assertThat(((Map<?, ?>) table.get("StreamSpecification")).get("StreamViewType"))
        .isEqualTo(code.streamSpecification().streamViewTypeAsString());
    assertThat(table.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
    assertThat(((Map<?, ?>) table.get("PointInTimeRecoverySpecification")).get("PointInTimeRecoveryEnabled"))
        .isEqualTo(true);
  }

  @Test
  void the_index_writer_is_one_writer_fed_by_the_stream_with_partial_batch_failures() {
    Map<String, Object> props = properties(resource("IndexWriterFunction"));
    assertThat(props.get("ReservedConcurrentExecutions")).isEqualTo(1);
    Map<?, ?> events = (Map<?, ?>) props.get("Events");
    Map<?, ?> stream = (Map<?, ?>) ((Map<?, ?>) events.get("CatalogStream")).get("Properties");
    assertThat(stream.get("StartingPosition")).isEqualTo("TRIM_HORIZON");
    assertThat(stream.get("FunctionResponseTypes")).isEqualTo(List.of("ReportBatchItemFailures"));
    assertThat(stream.get("BisectBatchOnFunctionError")).isEqualTo(true);
    assertThat(stream.get("ParallelizationFactor")).isEqualTo(1);
    assertThat(stringKeys(stream)).contains("MaximumRetryAttempts", "MaximumRecordAgeInSeconds", "DestinationConfig");
    Map<?, ?> nightly = (Map<?, ?>) ((Map<?, ?>) events.get("NightlyRebuild")).get("Properties");
    assertThat(nightly.get("Input")).isEqualTo("{\"action\":\"rebuild\"}");
  }

  private static Set<String> deployed(List<String> names, List<String> localOnly) {
    Set<String> expected = new TreeSet<>(names);
    localOnly.forEach(expected::remove);
    return expected;
  }

  private static Set<String> variables(String function) {
    Map<?, ?> environment = (Map<?, ?>) properties(resource(function)).get("Environment");
    return new TreeSet<>(stringKeys((Map<?, ?>) environment.get("Variables")));
  }

  private static Map<String, String> attributeTypes(Map<String, Object> table) {
    Map<String, String> types = new TreeMap<>();
    for (Object a : (List<?>) table.get("AttributeDefinitions")) {
      types.put(String.valueOf(((Map<?, ?>) a).get("AttributeName")), String.valueOf(((Map<?, ?>) a).get("AttributeType")));
    }
    return types;
  }

  private static List<String> keys(Object schema) {
    return ((List<?>) schema).stream().map(k -> ((Map<?, ?>) k).get("AttributeName") + ":" + ((Map<?, ?>) k).get("KeyType"))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(String name) {
    return (Map<String, Object>) template.getOrDefault(name, Map.of());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> resource(String name) {
    Map<String, Object> resource = (Map<String, Object>) section("Resources").get(name);
    assertThat(resource).as("resource %s", name).isNotNull();
    return resource;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(Map<String, Object> resource) {
    return (Map<String, Object>) resource.get("Properties");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> resourcesOfType(String type) {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    section("Resources").forEach((name, r) -> {
      if (type.equals(((Map<String, Object>) r).get("Type"))) {
        out.put(name, (Map<String, Object>) r);
      }
    });
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> firstOf(Object list) {
    return (Map<String, Object>) ((List<?>) list).getFirst();
  }

  private static Set<String> stringKeys(Map<?, ?> map) {
    Set<String> keys = new TreeSet<>();
    map.keySet().forEach(k -> keys.add(String.valueOf(k)));
    return keys;
  }

  private static void check(boolean ok, String what, List<String> unresolved) {
    if (!ok) {
      unresolved.add(what);
    }
  }

  private interface Visitor {
    void visit(String key, Object value);
  }

  private static void walk(Object node, Visitor visitor) {
    if (node instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        visitor.visit(String.valueOf(k), v);
        walk(v, visitor);
      });
    } else if (node instanceof List<?> list) {
      list.forEach(e -> walk(e, visitor));
    }
  }
}
