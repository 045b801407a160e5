package io.themodel.lead.security;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.events.Role;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.postgres.PostgresResource;
import io.themodel.testing.security.AccessMatrixContract;
import io.themodel.testing.security.ValidCalls;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "lead_test"))
class AccessMatrixTest extends AccessMatrixContract {

  @Override
  protected Role writer() {
    return Role.MARKETING;
  }

  @Override
  protected ValidCalls validCalls() {
    return new LeadServiceCalls();
  }
}
