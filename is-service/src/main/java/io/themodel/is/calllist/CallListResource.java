package io.themodel.is.calllist;

import io.themodel.events.Money;
import io.themodel.events.is.CallOutcome;
import io.themodel.events.is.IsStage;
import io.themodel.events.lead.LeadSource;
import io.themodel.is.qualification.Bant;
import io.themodel.platform.command.CommandRejected;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Inside Sales' call list: prospects by priority and due time. */
@Path("/call-list")
public class CallListResource {

  /** A prospect as the call list shows it. */
  public record Entry(
      UUID leadId,
      LeadSource source,
      Instant dueAt,
      int priority,
      Prospect.Status status,
      IsStage stage,
      int calls,
      Instant lastCallAt,
      CallOutcome lastOutcome,
      Bant bant,
      Money annualRevenue,
      Integer employees,
      String industry,
      LocalDate plannedStart,
      Instant qualifiedAt,
      String disqualificationReason,
      UUID tossUpId,
      String assignedRep) {

    public static Entry of(CallListEntry entry) {
      return new Entry(
          entry.leadId,
          entry.source,
          entry.dueAt,
          entry.priority,
          entry.status,
          entry.stage,
          entry.calls,
          entry.lastCallAt,
          entry.lastOutcome,
          entry.bant(),
          entry.annualRevenue(),
          entry.employees,
          entry.industry,
          entry.plannedStart,
          entry.qualifiedAt,
          entry.disqualificationReason,
          entry.tossUpId,
          entry.assignedRep);
    }
  }

  /** Prospects still to call, first priority and earliest due first; {@code all=true} for all. */
  @GET
  public List<Entry> list(@QueryParam("all") boolean all) {
    List<CallListEntry> entries =
        all
            ? CallListEntry.list("order by priority, dueAt")
            : CallListEntry.list(
                "status = ?1 order by priority, dueAt", Prospect.Status.ON_CALL_LIST);
    return entries.stream().map(Entry::of).toList();
  }

  @GET
  @Path("/{leadId}")
  public Entry get(@PathParam("leadId") UUID leadId) {
    return Entry.of(find(leadId));
  }

  /** The lead's entry, or a 404 when it never reached Inside Sales. */
  public static CallListEntry find(UUID leadId) {
    CallListEntry entry = CallListEntry.findById(leadId);
    if (entry == null) {
      throw CommandRejected.notFound("lead " + leadId + " is not on the call list");
    }
    return entry;
  }
}
