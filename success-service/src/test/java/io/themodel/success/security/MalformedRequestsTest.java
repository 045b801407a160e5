package io.themodel.success.security;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.themodel.success.TwoStepChecklist;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.postgres.PostgresResource;
import io.themodel.testing.security.MalformedRequestsContract;
import io.themodel.testing.security.ValidCalls;

@QuarkusTest
@TestProfile(TwoStepChecklist.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "success_test"))
class MalformedRequestsTest extends MalformedRequestsContract {

  @Override
  protected ValidCalls validCalls() {
    return new SuccessCalls();
  }
}
