package io.themodel.kpi.security;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.events.Role;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.postgres.PostgresResource;
import io.themodel.testing.security.AccessMatrixContract;
import io.themodel.testing.security.ValidCalls;
import org.junit.jupiter.api.AfterEach;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "kpi_test"))
class AccessMatrixTest extends AccessMatrixContract {

  // The matrix starts a rebuild as admin: let it end before the next test reads the model.
  @AfterEach
  void rebuild_finished() {
    KpiProjectorCalls.awaitRebuildEnded();
  }

  @Override
  protected Role writer() {
    return Role.ADMIN;
  }

  @Override
  protected ValidCalls validCalls() {
    return new KpiProjectorCalls();
  }
}
