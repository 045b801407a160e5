package io.themodel.testing.security;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.themodel.events.Department;
import io.themodel.events.Role;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Gives every REST-assured call of a {@code @QuarkusTest} the token of the role that owns the
 * service under test (its department's, or {@code admin} for the projector), unless the call sets
 * its own {@code Authorization} header or opts out with {@code
 * given().noFiltersOfType(ServiceTokens.class)}. The access matrix tests check the rule itself.
 */
public class ServiceTokens implements QuarkusTestBeforeEachCallback, Filter {

  @Override
  public void beforeEach(QuarkusTestMethodContext context) {
    // REST-assured outlives a Quarkus restart (another test profile or resource set), and so
    // does the filter an earlier application's class loader registered: opting out by type
    // would not remove that one, so it is replaced by this application's own.
    List<Filter> others =
        RestAssured.filters().stream()
            .filter(f -> !f.getClass().getName().equals(ServiceTokens.class.getName()))
            .toList();
    RestAssured.replaceFiltersWith(others);
    RestAssured.filters(new ServiceTokens());
  }

  /** The role that writes the service this JVM tests. */
  public static Role ownRole() {
    return Role.writerOf(
        ConfigProvider.getConfig().getOptionalValue("themodel.department", Department.class));
  }

  @Override
  public Response filter(
      FilterableRequestSpecification request,
      FilterableResponseSpecification response,
      FilterContext context) {
    if (!request.getHeaders().hasHeaderWithName("Authorization")) {
      request.header("Authorization", Tokens.bearer(ownRole()));
    }
    return context.next(request, response);
  }
}
