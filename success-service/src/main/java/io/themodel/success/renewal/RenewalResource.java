package io.themodel.success.renewal;

import io.themodel.events.Money;
import io.themodel.platform.store.EventMetadata;
import io.themodel.success.customer.Customer;
import io.themodel.success.customer.CustomerResource.CustomerResponse;
import io.themodel.success.customer.Customers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** The customer renews (契約更新) for a new term from the end of the current one. */
@Path("/customers/{accountId}/renewal")
public class RenewalResource {

  /** The new term: its length and value; {@code termStart}, if given, guards against a retry. */
  public record RenewalRequest(
      LocalDate termStart,
      @Min(1) @Max(120) int termMonths,
      @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 2) BigDecimal amount,
      @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as JPY")
          String currency) {}

  private final Customers customers;

  RenewalResource(Customers customers) {
    this.customers = customers;
  }

  @POST
  public CustomerResponse renew(
      @PathParam("accountId") UUID accountId,
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @NotNull @Valid RenewalRequest request) {
    customers.execute(
        accountId,
        new Customer.Renew(
            request.termStart(),
            request.termMonths(),
            new Money(request.amount(), request.currency())),
        EventMetadata.command(correlationId, "customer-success"));
    return CustomerResponse.of(customers.view(accountId));
  }
}
