package io.themodel.is.security;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.postgres.PostgresResource;
import io.themodel.testing.security.MalformedRequestsContract;
import java.util.List;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "is_test"))
class MalformedRequestsTest extends MalformedRequestsContract {

  @Override
  protected List<ValidRequest> validRequests() {
    return List.of(
        new ValidRequest("POST", "/feedback", MalformedRequestsContract::feedbackToProduct));
  }
}
