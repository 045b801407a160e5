package io.themodel.lead.security;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.themodel.events.Role;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.postgres.PostgresResource;
import io.themodel.testing.security.ServiceTokens;
import io.themodel.testing.security.Tokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A token is verified once and then remembered (platform {@code VerifiedTokens}), but never past
 * its expiry: the call it opened a moment ago is a 401 once it has expired.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "lead_test"))
class ExpiredTokenTest {

  @Test
  void a_token_accepted_before_is_refused_once_it_has_expired() {
    String token = Tokens.token(Role.MARKETING, Duration.ofSeconds(3));

    as(token).get("/leads").then().statusCode(200);
    as(token).get("/leads").then().statusCode(200); // now from memory

    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () ->
                as(token)
                    .get("/leads")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json"));
  }

  private static RequestSpecification as(String token) {
    return given().noFiltersOfType(ServiceTokens.class).header("Authorization", "Bearer " + token);
  }
}
