package io.themodel.success.renewal;

import io.themodel.platform.store.EventMetadata;
import io.themodel.success.customer.Customer;
import io.themodel.success.customer.CustomerResource.CustomerResponse;
import io.themodel.success.customer.Customers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

/** The customer leaves (churn), with the reason; Marketing turns it into win-back nurturing. */
@Path("/customers/{accountId}/churn")
public class ChurnResource {

  /** Why the customer left. */
  public record ChurnRequest(@NotBlank @Size(max = 500) String reason) {}

  private final Customers customers;

  ChurnResource(Customers customers) {
    this.customers = customers;
  }

  @POST
  public CustomerResponse churn(
      @PathParam("accountId") UUID accountId,
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @NotNull @Valid ChurnRequest request) {
    customers.execute(
        accountId,
        new Customer.Churn(request.reason()),
        EventMetadata.command(correlationId, "customer-success"));
    return CustomerResponse.of(customers.view(accountId));
  }
}
