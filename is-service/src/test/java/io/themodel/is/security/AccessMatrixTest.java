package io.themodel.is.security;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.events.Role;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.postgres.PostgresResource;
import io.themodel.testing.security.AccessMatrixContract;
import io.themodel.testing.security.ValidCalls;

/**
 * In the rule book's database: its valid calls activate toss-up rule versions, and once one is
 * active every toss-up in the application is checked, which the foundation's tests do not expect.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "is_rules_test"))
class AccessMatrixTest extends AccessMatrixContract {

  @Override
  protected Role writer() {
    return Role.INSIDE_SALES;
  }

  @Override
  protected ValidCalls validCalls() {
    return new InsideSalesCalls();
  }
}
