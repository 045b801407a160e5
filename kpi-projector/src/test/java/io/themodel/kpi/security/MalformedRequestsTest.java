package io.themodel.kpi.security;

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
    initArgs = @ResourceArg(name = "database", value = "kpi_test"))
class MalformedRequestsTest extends MalformedRequestsContract {

  // Only reads (and an admin's rebuild): the malformed requests are bad query parameters.
  @Override
  protected List<ValidRequest> validRequests() {
    return List.of();
  }
}
