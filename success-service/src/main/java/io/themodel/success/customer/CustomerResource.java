package io.themodel.success.customer;

import com.fasterxml.jackson.databind.JsonNode;
import io.themodel.events.EventCodec;
import io.themodel.events.success.HealthBand;
import io.themodel.platform.command.CommandRejected;
import io.themodel.platform.problem.InvalidParameter;
import io.themodel.platform.store.EventStore;
import io.themodel.platform.store.StoredEvent;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Customer accounts: by lead, status or advocacy; one account and its timeline. */
@Path("/customers")
public class CustomerResource {

  /** A customer as the REST API shows it. */
  public record CustomerResponse(
      UUID accountId,
      UUID leadId,
      UUID opportunityId,
      Customer.Status status,
      BigDecimal contractValue,
      String currency,
      LocalDate contractStart,
      int termMonths,
      LocalDate contractEnd,
      Instant openedAt,
      Instant onboardedAt,
      Instant renewedAt,
      BigDecimal expansionValue,
      Instant expandedAt,
      Instant churnedAt,
      String churnReason,
      boolean advocate,
      Integer healthScore,
      HealthBand healthBand,
      LocalDate scoredOn,
      boolean atRisk,
      List<String> riskSignals) {

    public static CustomerResponse of(CustomerView view) {
      return new CustomerResponse(
          view.accountId,
          view.leadId,
          view.opportunityId,
          view.status,
          view.contractValue,
          view.currency,
          view.contractStart,
          view.termMonths,
          view.contractEnd,
          view.openedAt,
          view.onboardedAt,
          view.renewedAt,
          view.expansionValue,
          view.expandedAt,
          view.churnedAt,
          view.churnReason,
          view.advocate,
          view.healthScore,
          view.healthBand,
          view.scoredOn,
          view.atRisk,
          view.riskSignals == null ? List.of() : List.of(view.riskSignals.split(",")));
    }
  }

  /** One event in the account's history, as it was recorded. */
  public record TimelineEntry(
      long version, String type, Instant occurredAt, String actor, JsonNode data) {}

  private final Customers customers;
  private final EventStore store;
  private final EventCodec codec;

  CustomerResource(Customers customers, EventStore store, EventCodec codec) {
    this.customers = customers;
    this.store = store;
    this.codec = codec;
  }

  /** Customers, optionally of one lead, status, health band or risk, or advocates. */
  @GET
  public List<CustomerResponse> list(
      @QueryParam("leadId") String leadIdParameter,
      @QueryParam("status") String statusParameter,
      @QueryParam("advocate") String advocateParameter,
      @QueryParam("band") String bandParameter,
      @QueryParam("atRisk") String atRiskParameter) {
    UUID leadId = parse("leadId", leadIdParameter, UUID::fromString, "must be a UUID");
    Customer.Status status =
        parse("status", statusParameter, Customer.Status::valueOf, oneOf(Customer.Status.values()));
    Boolean advocate =
        parse("advocate", advocateParameter, CustomerResource::bool, "must be true or false");
    HealthBand band = parse("band", bandParameter, HealthBand::valueOf, oneOf(HealthBand.values()));
    Boolean atRisk =
        parse("atRisk", atRiskParameter, CustomerResource::bool, "must be true or false");
    List<String> where = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    if (leadId != null) {
      where.add("leadId = :leadId");
      parameters.put("leadId", leadId);
    }
    if (status != null) {
      where.add("status = :status");
      parameters.put("status", status);
    }
    if (advocate != null) {
      where.add("advocate = :advocate");
      parameters.put("advocate", advocate);
    }
    if (band != null) {
      where.add("healthBand = :band");
      parameters.put("band", band);
    }
    if (atRisk != null) {
      where.add("atRisk = :atRisk");
      parameters.put("atRisk", atRisk);
    }
    String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by openedAt";
    List<CustomerView> views = CustomerView.list(query, parameters);
    return views.stream().map(CustomerResponse::of).toList();
  }

  /** A query parameter read with {@code reader}; a value it cannot read is a 400 naming it. */
  private static <T> T parse(
      String parameter, String value, Function<String, T> reader, String expected) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return reader.apply(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameter(parameter, expected);
    }
  }

  private static Boolean bool(String value) {
    if (value.equals("true") || value.equals("false")) {
      return Boolean.valueOf(value);
    }
    throw new IllegalArgumentException(value);
  }

  private static String oneOf(Enum<?>[] values) {
    return "must be one of " + Arrays.toString(values);
  }

  @GET
  @Path("/{accountId}")
  public CustomerResponse get(@PathParam("accountId") UUID accountId) {
    return CustomerResponse.of(customers.view(accountId));
  }

  /** Everything that happened to the account, oldest first, from its event stream. */
  @GET
  @Path("/{accountId}/timeline")
  public List<TimelineEntry> timeline(@PathParam("accountId") UUID accountId) {
    List<StoredEvent> events = store.load(accountId.toString());
    if (events.isEmpty()) {
      throw CommandRejected.notFound("no customer " + accountId);
    }
    return events.stream()
        .map(
            e ->
                new TimelineEntry(
                    e.streamVersion(),
                    e.type().simpleName(),
                    e.occurredAt(),
                    e.metadata().actor(),
                    codec.toData(e.event())))
        .toList();
  }
}
