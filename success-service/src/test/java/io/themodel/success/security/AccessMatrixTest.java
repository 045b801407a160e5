package io.themodel.success.security;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.themodel.events.Role;
import io.themodel.success.TwoStepChecklist;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.postgres.PostgresResource;
import io.themodel.testing.security.AccessMatrixContract;
import io.themodel.testing.security.ValidCalls;

@QuarkusTest
@TestProfile(TwoStepChecklist.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "success_test"))
class AccessMatrixTest extends AccessMatrixContract {

  @Override
  protected Role writer() {
    return Role.CUSTOMER_SUCCESS;
  }

  @Override
  protected ValidCalls validCalls() {
    return new SuccessCalls();
  }
}
