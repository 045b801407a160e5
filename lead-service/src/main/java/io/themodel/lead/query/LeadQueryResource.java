package io.themodel.lead.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.themodel.events.EventCodec;
import io.themodel.events.lead.LeadSource;
import io.themodel.events.lead.ScoreBand;
import io.themodel.lead.capture.LeadResponse;
import io.themodel.lead.lifecycle.LeadLifecycle;
import io.themodel.lead.lifecycle.LeadView;
import io.themodel.platform.command.CommandRejected;
import io.themodel.platform.problem.InvalidParameter;
import io.themodel.platform.store.EventStore;
import io.themodel.platform.store.StoredEvent;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Marketing's lead lists (by stage, band, source, company, campaign, capture date) and a lead's
 * timeline.
 */
@Path("/leads")
public class LeadQueryResource {

  /** One page of leads, newest capture first. */
  public record LeadPage(int page, int size, long total, List<LeadResponse> leads) {}

  /** One event of a lead's timeline. */
  public record TimelineEntry(
      long version,
      UUID eventId,
      String type,
      Instant occurredAt,
      String actor,
      UUID causationId,
      JsonNode data) {}

  private static final String DAY =
      "a day (2026-04-01, UTC; inclusive for capturedTo) or an instant (2026-04-01T09:00:00Z)";
  private static final String DAY_OR_INSTANT = "^\\d{4}-\\d{2}-\\d{2}(T.+)?$";

  private final EventStore store;
  private final EventCodec codec;

  LeadQueryResource(EventStore store, EventCodec codec) {
    this.store = store;
    this.codec = codec;
  }

  // The parameters are read as text so that a bad value is a 400 naming it (JAX-RS would answer a
  // 404); their schemas tell clients, and the fuzz test, what each one takes.
  @GET
  public LeadPage list(
      @QueryParam("stage") @Parameter(schema = @Schema(implementation = LeadLifecycle.Stage.class))
          String stage,
      @QueryParam("band") @Parameter(schema = @Schema(implementation = ScoreBand.class))
          String band,
      @QueryParam("source") @Parameter(schema = @Schema(implementation = LeadSource.class))
          String source,
      @QueryParam("companyId") @Parameter(schema = @Schema(implementation = UUID.class))
          String companyId,
      @QueryParam("campaign") String campaign,
      @QueryParam("capturedFrom")
          @Parameter(
              description = DAY,
              schema = @Schema(type = SchemaType.STRING, pattern = DAY_OR_INSTANT))
          String capturedFrom,
      @QueryParam("capturedTo")
          @Parameter(
              description = DAY,
              schema = @Schema(type = SchemaType.STRING, pattern = DAY_OR_INSTANT))
          String capturedTo,
      @QueryParam("excluded") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN))
          String excluded,
      @QueryParam("page")
          @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
          String page,
      @QueryParam("size")
          @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      minimum = "1",
                      maximum = "500",
                      defaultValue = "50"))
          String size) {
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    if (stage != null) {
      where.add("stage = :stage");
      params.put("stage", parseEnum("stage", stage, LeadLifecycle.Stage.class));
    }
    if (band != null) {
      where.add("band = :band");
      params.put("band", parseEnum("band", band, ScoreBand.class));
    }
    if (source != null) {
      where.add("source = :source");
      params.put("source", parseEnum("source", source, LeadSource.class));
    }
    if (companyId != null) {
      where.add("companyId = :companyId");
      params.put("companyId", parseUuid("companyId", companyId));
    }
    if (campaign != null) {
      where.add("campaign = :campaign");
      params.put("campaign", campaign);
    }
    if (capturedFrom != null) {
      where.add("capturedAt >= :from");
      params.put("from", parseDay("capturedFrom", capturedFrom, false));
    }
    if (capturedTo != null) {
      where.add("capturedAt < :to");
      params.put("to", parseDay("capturedTo", capturedTo, true));
    }
    if (excluded != null) {
      if (!excluded.equals("true") && !excluded.equals("false")) {
        throw new InvalidParameter("excluded", "must be true or false");
      }
      where.add("excluded = :excluded");
      params.put("excluded", Boolean.parseBoolean(excluded));
    }
    int pageIndex = parseInt("page", page, 0, 0, Integer.MAX_VALUE);
    int pageSize = parseInt("size", size, 50, 1, 500);
    String query = where.isEmpty() ? "" : String.join(" and ", where);
    var found =
        LeadView.<LeadView>find(query, Sort.descending("capturedAt").and("leadId"), params)
            .page(Page.of(pageIndex, pageSize));
    return new LeadPage(
        pageIndex, pageSize, found.count(), found.list().stream().map(LeadResponse::of).toList());
  }

  @GET
  @Path("/{leadId}/timeline")
  public List<TimelineEntry> timeline(@PathParam("leadId") UUID leadId) {
    List<StoredEvent> events = store.load(leadId.toString());
    if (events.isEmpty()) {
      throw CommandRejected.notFound("no lead " + leadId);
    }
    return events.stream()
        .map(
            e ->
                new TimelineEntry(
                    e.streamVersion(),
                    e.eventId(),
                    e.type().typeName(),
                    e.occurredAt(),
                    e.metadata().actor(),
                    e.metadata().causationId(),
                    codec.toData(e.event())))
        .toList();
  }

  private static <E extends Enum<E>> E parseEnum(String name, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidParameter(
          name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  private static UUID parseUuid(String name, String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameter(name, "must be a UUID");
    }
  }

  /** A day (yyyy-mm-dd, UTC) or an instant; "to" days are inclusive. */
  private static Instant parseDay(String name, String value, boolean endOfDay) {
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidParameter(name, "must be a date (2026-04-01) or an instant");
    }
  }

  private static int parseInt(String name, String value, int fallback, int min, int max) {
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < min || parsed > max) {
        throw new InvalidParameter(name, "must be between " + min + " and " + max);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new InvalidParameter(name, "must be a whole number");
    }
  }
}
