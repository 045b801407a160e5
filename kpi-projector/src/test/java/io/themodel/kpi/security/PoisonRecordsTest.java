package io.themodel.kpi.security;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.postgres.PostgresResource;
import io.themodel.testing.security.PoisonRecordsContract;
import java.util.UUID;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "kpi_test"))
class PoisonRecordsTest extends PoisonRecordsContract {

  // The projector has no inbox table: an event it applied is a fact of the read model.
  @Override
  protected boolean applied(UUID eventId) {
    return exists("select 1 from fact where event_id = ?", eventId);
  }
}
