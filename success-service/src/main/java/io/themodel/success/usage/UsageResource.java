package io.themodel.success.usage;

import io.themodel.platform.store.EventMetadata;
import io.themodel.success.usage.UsageLedger.Outcome;
import io.themodel.success.usage.UsageLedger.Report;
import io.themodel.success.usage.UsageLedger.UsageRecord;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.UUID;

/**
 * Usage from the product, in bulk: each record is accepted, a duplicate (already recorded) or
 * rejected with the reason, so a caller re-sends a whole batch safely.
 */
@Path("/usage")
public class UsageResource {

  /** Up to 10,000 records (account, day, metrics). */
  public record UsageBatch(
      @NotNull @Size(min = 1, max = 10_000) List<@NotNull UsageRecord> records) {}

  /** How many records were accepted, duplicates or rejected, and each record's outcome. */
  public record UsageReport(int accepted, int duplicates, int rejected, List<Report> records) {
    static UsageReport of(List<Report> reports) {
      return new UsageReport(
          count(reports, Outcome.ACCEPTED),
          count(reports, Outcome.DUPLICATE),
          count(reports, Outcome.REJECTED),
          reports);
    }

    private static int count(List<Report> reports, Outcome outcome) {
      return (int) reports.stream().filter(r -> r.outcome() == outcome).count();
    }
  }

  private final UsageRecording recording;

  UsageResource(UsageRecording recording) {
    this.recording = recording;
  }

  @POST
  public UsageReport record(
      @HeaderParam("X-Correlation-Id") UUID correlationId, @NotNull @Valid UsageBatch batch) {
    return UsageReport.of(
        recording
            .record(batch.records(), EventMetadata.command(correlationId, "customer-success"))
            .reports());
  }
}
