package io.themodel.lead.capture;

import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.lead.LeadRequests;
import io.themodel.platform.problem.ProblemMappers;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.postgres.PostgresResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A service whose every database connection is busy (more requests than it can serve) answers a 503
 * problem with Retry-After once the pool's acquisition timeout passes, not a 500, and keeps nothing
 * of the request, so that sending it again later captures the lead once.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "lead_test"))
class OverloadTest {

  @Inject AgroalDataSource dataSource;

  @Test
  void a_capture_that_gets_no_database_connection_is_a_503_to_retry_and_keeps_nothing()
      throws Exception {
    String body = LeadResourceTest.lead("busy-" + UUID.randomUUID() + "@example.co.jp");
    int poolSize = dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
    List<Connection> held = new ArrayList<>();
    try {
      while (held.size() < poolSize) {
        held.add(dataSource.getConnection());
      }
      LeadRequests.post("/leads", body)
          .statusCode(503)
          .contentType("application/problem+json")
          .header("Retry-After", "1")
          .body("type", equalTo(ProblemMappers.OVERLOADED))
          .body("status", equalTo(503));
    } finally {
      for (Connection connection : held) {
        connection.close();
      }
    }
    // 201, not a touch on a lead the refused request left behind
    LeadRequests.capture(body);
  }
}
