package io.themodel.deal.forecast;

import io.themodel.events.Money;
import io.themodel.platform.store.EventMetadata;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Revenue targets (KGI) per period, for all of Field Sales or one team or rep. */
@Path("/targets")
public class TargetResource {

  /** The target to set; team and rep narrow it, both absent means all of Field Sales. */
  public record TargetRequest(
      @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 2) BigDecimal amount,
      @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as JPY")
          String currency,
      @Size(min = 1, max = 100) String team,
      @Size(min = 1, max = 100) String rep,
      @NotBlank @Size(max = 100) String setBy) {}

  /** A target as the API shows it. */
  public record TargetResponse(
      String period,
      String team,
      String rep,
      BigDecimal amount,
      String currency,
      String setBy,
      Instant setAt) {

    static TargetResponse of(TargetView view) {
      return new TargetResponse(
          view.period, view.team, view.rep, view.amount, view.currency, view.setBy, view.setAt);
    }
  }

  private final Targets targets;

  TargetResource(Targets targets) {
    this.targets = targets;
  }

  @PUT
  @Path("/{period}")
  public TargetResponse set(
      @PathParam("period")
          @Pattern(
              regexp = Period.PATTERN,
              message = "must be a quarter (2026-Q2) or a month (2026-04)")
          String period,
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @NotNull @Valid TargetRequest request) {
    return TargetResponse.of(
        targets.set(
            new Target.Set(
                period,
                request.team(),
                request.rep(),
                new Money(request.amount(), request.currency()),
                request.setBy()),
            EventMetadata.command(correlationId, request.setBy())));
  }

  /** The targets of a period (or of all periods). */
  @GET
  public List<TargetResponse> list(@QueryParam("period") String period) {
    List<TargetView> views =
        period == null
            ? TargetView.list("order by period, team, rep")
            : TargetView.list("period = ?1 order by team, rep", period);
    return views.stream().map(TargetResponse::of).toList();
  }
}
