package io.themodel.success.onboarding;

import io.themodel.platform.store.EventMetadata;
import io.themodel.success.customer.Customer;
import io.themodel.success.customer.Customers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An account's onboarding checklist: its steps and completing them. */
@Path("/customers/{accountId}/onboarding")
public class OnboardingResource {

  /** Who completed the step. */
  public record StepRequest(@NotBlank @Size(max = 200) String completedBy) {}

  /** A step as the REST API shows it. */
  public record StepResponse(String step, int position, Instant completedAt, String completedBy) {
    static StepResponse of(OnboardingStepView view) {
      return new StepResponse(view.step, view.position, view.completedAt, view.completedBy);
    }
  }

  private final Customers customers;

  OnboardingResource(Customers customers) {
    this.customers = customers;
  }

  @GET
  public List<StepResponse> steps(@PathParam("accountId") UUID accountId) {
    customers.view(accountId);
    return OnboardingStepView.of(accountId).stream().map(StepResponse::of).toList();
  }

  /** Completes a step; completing it again changes nothing. */
  @POST
  @Path("/{step}")
  public List<StepResponse> complete(
      @PathParam("accountId") UUID accountId,
      @PathParam("step") String step,
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @NotNull @Valid StepRequest request) {
    customers.execute(
        accountId,
        new Customer.CompleteStep(step, request.completedBy()),
        EventMetadata.command(correlationId, "customer-success"));
    return steps(accountId);
  }
}
