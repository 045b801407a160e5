package io.themodel.is.security;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.postgres.PostgresResource;
import io.themodel.testing.security.MalformedRequestsContract;
import io.themodel.testing.security.ValidCalls;

/** In the rule book's database, for the reason {@link AccessMatrixTest} gives. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "is_rules_test"))
class MalformedRequestsTest extends MalformedRequestsContract {

  @Override
  protected ValidCalls validCalls() {
    return new InsideSalesCalls();
  }
}
