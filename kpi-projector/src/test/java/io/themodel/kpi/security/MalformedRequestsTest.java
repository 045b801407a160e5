package io.themodel.kpi.security;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.postgres.PostgresResource;
import io.themodel.testing.security.MalformedRequestsContract;
import io.themodel.testing.security.ValidCalls;
import org.junit.jupiter.api.AfterEach;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "kpi_test"))
class MalformedRequestsTest extends MalformedRequestsContract {

  // The valid writes between the malformed requests are rebuilds: let the last one end before
  // the next test reads the model.
  @AfterEach
  void rebuild_finished() {
    KpiProjectorCalls.awaitRebuildEnded();
  }

  @Override
  protected ValidCalls validCalls() {
    return new KpiProjectorCalls();
  }
}
