package io.themodel.kpi.security;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.events.Role;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.postgres.PostgresResource;
import io.themodel.testing.security.AccessMatrixContract;
import java.time.Duration;
import java.util.List;
import java.util.Set;
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
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                !List.of("REPLAYING", "SWAPPING").contains(given().get("/rebuild").path("state")));
  }

  @Override
  protected Role writer() {
    return Role.ADMIN;
  }

  @Override
  protected Set<String> knownOperations() {
    return Set.of("GET /funnel", "POST /rebuild", "GET /kpis/marketing");
  }
}
