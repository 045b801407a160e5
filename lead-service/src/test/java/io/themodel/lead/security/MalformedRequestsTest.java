package io.themodel.lead.security;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.postgres.PostgresResource;
import io.themodel.testing.security.MalformedRequestsContract;
import java.util.List;
import java.util.UUID;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "lead_test"))
class MalformedRequestsTest extends MalformedRequestsContract {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @Override
  protected List<ValidRequest> validRequests() {
    return List.of(
        new ValidRequest("POST", "/feedback", MalformedRequestsContract::feedbackToProduct),
        new ValidRequest("POST", "/leads", MalformedRequestsTest::lead));
  }

  static ObjectNode lead() {
    ObjectNode body = JSON.objectNode();
    body.put("source", "INQUIRY");
    body.put("campaign", "autumn-webinar");
    body.putObject("person")
        .put("name", "Fuzz Tester")
        .put("email", "fuzz." + UUID.randomUUID() + "@example.co.jp")
        .put("title", "manager");
    body.put("companyName", "株式会社ファズ");
    body.put("consent", true);
    return body;
  }
}
