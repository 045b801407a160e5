package io.themodel.success.expansion;

import io.themodel.events.Money;
import io.themodel.events.deal.OpportunityKind;
import io.themodel.events.lead.Person;
import io.themodel.platform.store.EventMetadata;
import io.themodel.success.customer.Customer;
import io.themodel.success.customer.CustomerResource.CustomerResponse;
import io.themodel.success.customer.Customers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Growing an account: upsell and cross-sell for Field Sales, referrals for Marketing, and marking
 * an advocate (アドボケーター).
 */
@Path("/customers/{accountId}")
public class ExpansionResource {

  /** An upsell or cross-sell and its estimated value. */
  public record ExpansionRequest(
      @NotNull OpportunityKind kind,
      @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 2) BigDecimal amount,
      @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as JPY")
          String currency,
      @Size(max = 1000) String note) {}

  /** The referred person. */
  public record ReferredPerson(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Email @Size(max = 320) String email,
      @Size(min = 1, max = 50) String phone,
      @Size(min = 1, max = 200) String title) {}

  /** The referred company and person. */
  public record ReferralRequest(
      @NotBlank @Size(max = 300) String companyName, @NotNull @Valid ReferredPerson person) {}

  /** Who marks the advocate, and why. */
  public record AdvocacyRequest(
      @NotBlank @Size(max = 200) String markedBy, @Size(min = 1, max = 1000) String note) {}

  /** The id of what was created. */
  public record Created(UUID id) {}

  private final Customers customers;

  ExpansionResource(Customers customers) {
    this.customers = customers;
  }

  /** Identifies an expansion; a retry with the same {@code Idempotency-Key} is the same one. */
  @POST
  @Path("expansions")
  public Response expansion(
      @PathParam("accountId") UUID accountId,
      @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey,
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @NotNull @Valid ExpansionRequest request) {
    UUID expansionId = idFor("expansion", accountId, idempotencyKey);
    customers.execute(
        accountId,
        new Customer.IdentifyExpansion(
            expansionId,
            request.kind(),
            new Money(request.amount(), request.currency()),
            request.note()),
        EventMetadata.command(correlationId, "customer-success"));
    return Response.status(201).entity(new Created(expansionId)).build();
  }

  /** Records a referral; a retry with the same {@code Idempotency-Key} is the same one. */
  @POST
  @Path("referrals")
  public Response referral(
      @PathParam("accountId") UUID accountId,
      @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey,
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @NotNull @Valid ReferralRequest request) {
    UUID referralId = idFor("referral", accountId, idempotencyKey);
    ReferredPerson person = request.person();
    customers.execute(
        accountId,
        new Customer.MakeReferral(
            referralId,
            request.companyName(),
            new Person(person.name(), person.email(), person.phone(), person.title())),
        EventMetadata.command(correlationId, "customer-success"));
    return Response.status(201).entity(new Created(referralId)).build();
  }

  /** Marks the customer as an advocate; marking it again changes nothing. */
  @POST
  @Path("advocacy")
  public CustomerResponse advocacy(
      @PathParam("accountId") UUID accountId,
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @NotNull @Valid AdvocacyRequest request) {
    customers.execute(
        accountId,
        new Customer.MarkAdvocate(request.markedBy(), request.note()),
        EventMetadata.command(correlationId, "customer-success"));
    return CustomerResponse.of(customers.view(accountId));
  }

  private static UUID idFor(String kind, UUID accountId, String idempotencyKey) {
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      return UUID.randomUUID();
    }
    return UUID.nameUUIDFromBytes(
        (kind + ":" + accountId + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
  }
}
