package dev.tonearm.catalog.dynamo;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local in memory for one test class ({@code @RegisterExtension static}), and a fresh catalog table for
 * each test that asks, so tests never see each other's items.
 */
final class LocalCatalog implements BeforeAllCallback, AfterAllCallback {
  private final String prefix;
  private AmazonDynamoDBLocal local;
  private int tables;

  LocalCatalog(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    local = DynamoDBEmbedded.create();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    local.shutdown();
  }

  DynamoDbClient dynamo() {
    return local.dynamoDbClient();
  }

  /** The name of a new, empty catalog table. */
  String freshTable() {
    String table = prefix + "-" + (++tables);
    CatalogTable.createIfMissing(dynamo(), table);
    return table;
  }
}
