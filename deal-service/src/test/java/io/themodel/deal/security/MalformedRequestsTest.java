package io.themodel.deal.security;

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
    initArgs = @ResourceArg(name = "database", value = "deal_test"))
class MalformedRequestsTest extends MalformedRequestsContract {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @Override
  protected List<ValidRequest> validRequests() {
    return List.of(
        new ValidRequest("POST", "/feedback", MalformedRequestsContract::feedbackToProduct),
        new ValidRequest("PUT", "/targets/2026-Q4", MalformedRequestsTest::target));
  }

  static ObjectNode target() {
    ObjectNode body = JSON.objectNode();
    body.put("amount", 12000000);
    body.put("currency", "JPY");
    // a team of its own each time: setting the same target again is no change, and no event
    body.put("team", "enterprise-" + UUID.randomUUID().toString().substring(0, 8));
    body.put("setBy", "vp-sales");
    return body;
  }
}
