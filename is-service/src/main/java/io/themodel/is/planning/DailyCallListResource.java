package io.themodel.is.planning;

import io.themodel.events.lead.LeadSource;
import io.themodel.is.calllist.CallListEntry;
import io.themodel.platform.problem.InvalidParameter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** A day's call list per Inside Sales rep, as the evening build left it. */
@Path("/call-lists/{day}")
public class DailyCallListResource {

  /** One call to make. */
  public record Line(
      String rep, int position, UUID leadId, int priority, Instant dueAt, LeadSource source) {}

  @GET
  public List<Line> list(@PathParam("day") String dayParam, @QueryParam("rep") String rep) {
    LocalDate day;
    try {
      day = LocalDate.parse(dayParam);
    } catch (DateTimeParseException e) {
      throw new InvalidParameter("day", "must be a date (YYYY-MM-DD)");
    }
    List<PlannedCall> planned =
        rep == null || rep.isBlank()
            ? PlannedCall.list("day", day)
            : PlannedCall.list("day = ?1 and rep = ?2", day, rep);
    return planned.stream()
        .sorted(Comparator.comparing((PlannedCall p) -> p.rep).thenComparingInt(p -> p.position))
        .map(
            p -> {
              CallListEntry entry = CallListEntry.findById(p.leadId);
              return new Line(
                  p.rep, p.position, p.leadId, entry.priority, entry.dueAt, entry.source);
            })
        .toList();
  }
}
