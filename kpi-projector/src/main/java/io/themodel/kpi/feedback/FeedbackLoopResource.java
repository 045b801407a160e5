package io.themodel.kpi.feedback;

import static io.themodel.kpi.readmodel.ReadModel.instant;
import static io.themodel.kpi.readmodel.ReadModel.rate;

import io.themodel.kpi.funnel.ReportWindow;
import io.themodel.kpi.readmodel.ReadModel;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reverse feedback loop (逆の流れ): feedback given in the period by direction, how much of it the
 * receiving department acknowledged and acted on by {@code asOf} and how fast, by category; and the
 * toss-ups Field Sales rejected, with the gap they found against Inside Sales' handoff comment.
 */
@Path("/feedback-loop")
public class FeedbackLoopResource {

  /** One direction's feedback (e.g. CUSTOMER_SUCCESS → FIELD_SALES). */
  public record Direction(
      String from,
      String to,
      long given,
      long acknowledged,
      long actedOn,
      BigDecimal shareAcknowledged,
      BigDecimal shareActedOn,
      BigDecimal medianHoursToAcknowledge) {}

  /** A rejected toss-up: what Field Sales found against what Inside Sales handed over. */
  public record Rejection(
      UUID leadId,
      String opportunityId,
      Instant rejectedAt,
      String reason,
      String handoffGap,
      String handoffComment,
      String rejectedBy) {}

  /** Rejected toss-ups in the period: by reason, and the latest ones with their gaps. */
  public record Rejections(long total, Map<String, Long> reasons, List<Rejection> latest) {}

  /** The whole loop in a window. */
  public record FeedbackLoop(
      Instant from,
      Instant to,
      Instant asOf,
      List<Direction> directions,
      Map<String, Long> byCategory,
      Rejections tossUpRejections) {}

  private static final String DIRECTIONS =
      """
      select from_party, to_party, count(*) as given,
             count(*) filter (where acknowledged_at <= ?) as acknowledged,
             count(*) filter (where acted_on_at <= ?) as acted_on,
             percentile_cont(0.5) within group (order by extract(epoch from acknowledged_at - given_at))
                 filter (where acknowledged_at <= ?) as median_seconds
      from feedback_item
      where given_at >= ? and given_at < ? and given_at <= ?
      group by 1, 2
      order by 1, 2
      """;

  private static final String CATEGORIES =
      """
      select coalesce(category, 'OTHER'), count(*)
      from feedback_item
      where given_at >= ? and given_at < ? and given_at <= ?
      group by 1
      order by 2 desc, 1
      """;

  private static final String REJECTION_REASONS =
      """
      select coalesce(reason, 'unspecified'), count(*)
      from toss_up_rejection
      where occurred_at >= ? and occurred_at < ? and occurred_at <= ?
      group by 1
      order by 2 desc, 1
      """;

  private static final String LATEST_REJECTIONS =
      """
      select lead_id, opportunity_id, occurred_at, reason, handoff_gap, handoff_comment, rejected_by
      from toss_up_rejection
      where occurred_at >= ? and occurred_at < ? and occurred_at <= ?
      order by occurred_at desc, event_id
      limit 50
      """;

  private final ReadModel readModel;
  private final Clock clock;

  FeedbackLoopResource(ReadModel readModel, Clock clock) {
    this.readModel = readModel;
    this.clock = clock;
  }

  @GET
  public FeedbackLoop loop(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("asOf") String asOf) {
    ReportWindow w = ReportWindow.of(from, to, asOf, clock);
    List<Direction> directions =
        readModel.list(
            DIRECTIONS,
            row -> {
              long given = row.getLong("given");
              long acknowledged = row.getLong("acknowledged");
              long actedOn = row.getLong("acted_on");
              BigDecimal seconds = row.getBigDecimal("median_seconds");
              return new Direction(
                  row.getString("from_party"),
                  row.getString("to_party"),
                  given,
                  acknowledged,
                  actedOn,
                  rate(acknowledged, given),
                  rate(actedOn, given),
                  seconds == null
                      ? null
                      : seconds.divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP));
            },
            w.asOf(),
            w.asOf(),
            w.asOf(),
            w.from(),
            w.to(),
            w.asOf());
    Map<String, Long> categories = new LinkedHashMap<>();
    readModel.list(
        CATEGORIES,
        row -> categories.put(row.getString(1), row.getLong(2)),
        w.from(),
        w.to(),
        w.asOf());
    Map<String, Long> reasons = new LinkedHashMap<>();
    readModel.list(
        REJECTION_REASONS,
        row -> reasons.put(row.getString(1), row.getLong(2)),
        w.from(),
        w.to(),
        w.asOf());
    List<Rejection> latest =
        readModel.list(
            LATEST_REJECTIONS,
            row ->
                new Rejection(
                    row.getObject("lead_id", UUID.class),
                    row.getString("opportunity_id"),
                    instant(row, "occurred_at"),
                    row.getString("reason"),
                    row.getString("handoff_gap"),
                    row.getString("handoff_comment"),
                    row.getString("rejected_by")),
            w.from(),
            w.to(),
            w.asOf());
    long total = reasons.values().stream().mapToLong(Long::longValue).sum();
    return new FeedbackLoop(
        w.from(), w.to(), w.asOf(), directions, categories, new Rejections(total, reasons, latest));
  }
}
