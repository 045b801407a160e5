package io.themodel.platform.feedback;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.arc.properties.StringValueMatch;
import io.themodel.events.feedback.FeedbackCategory;
import io.themodel.events.feedback.FeedbackGiven;
import io.themodel.events.feedback.FeedbackParty;
import io.themodel.platform.command.CommandRejected;
import io.themodel.platform.problem.InvalidParameter;
import io.themodel.platform.store.EventMetadata;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The reverse feedback loop (逆の流れ) of this department: give feedback upstream (or to product), read
 * the feedback given and received, acknowledge received feedback and say what was done about it.
 * The same resource in every department service; {@code themodel.department} says which.
 */
@Path("/feedback")
@IfBuildProperty(
    name = FeedbackViews.DEPARTMENT,
    stringValue = FeedbackViews.DEPARTMENTS,
    match = StringValueMatch.REGEX)
public class FeedbackResource {

  private static final int MAX_LIMIT = 1000;

  /** Feedback to give: to whom, about which lead or account (both optional), what and who. */
  public record GiveFeedbackRequest(
      @NotNull FeedbackParty to,
      UUID leadId,
      UUID accountId,
      @NotNull FeedbackCategory category,
      @NotBlank @Size(max = 200) String about,
      @NotBlank @Size(max = 4000) String text,
      @NotBlank @Size(max = 100) String givenBy) {}

  /** The receiver took the feedback on. */
  public record AcknowledgementRequest(
      @NotBlank @Size(max = 100) String acknowledgedBy,
      @Size(min = 1, max = 4000) String comment) {}

  /** What the receiver did about the feedback. */
  public record ActionRequest(
      @NotBlank @Size(max = 100) String actedBy, @NotBlank @Size(max = 4000) String action) {}

  private final FeedbackCommands commands;
  private final FeedbackViews views;

  FeedbackResource(FeedbackCommands commands, FeedbackViews views) {
    this.commands = commands;
    this.views = views;
  }

  /**
   * Gives feedback from this department. With an {@code Idempotency-Key} a retried request answers
   * the feedback it created the first time.
   */
  @POST
  public Response give(
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @NotNull @Valid GiveFeedbackRequest request) {
    UUID feedbackId =
        idempotencyKey == null || idempotencyKey.isBlank()
            ? UUID.randomUUID()
            : UUID.nameUUIDFromBytes(
                ("feedback:" + commands.department() + ":" + idempotencyKey)
                    .getBytes(StandardCharsets.UTF_8));
    FeedbackGiven given =
        new FeedbackGiven(
            feedbackId,
            commands.department(),
            request.to(),
            request.leadId(),
            request.accountId(),
            request.category(),
            request.about().strip(),
            request.text().strip(),
            request.givenBy().strip());
    FeedbackView view =
        commands.give(given, EventMetadata.command(correlationId, request.givenBy()));
    return Response.created(URI.create("/feedback/" + feedbackId)).entity(view).build();
  }

  /**
   * Feedback this department received (default) or gave, newest first, optionally of one status.
   * The status of given feedback is as far as this department knows it: it follows the receiver's
   * events only where this department reads the receiver's topic.
   */
  @GET
  public List<FeedbackView> list(
      @QueryParam("direction") @DefaultValue("received") String direction,
      @QueryParam("status") String status,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidParameter("limit", "must be between 1 and " + MAX_LIMIT);
    }
    return views.list(direction(direction), status(status), limit);
  }

  @GET
  @Path("/{feedbackId}")
  public FeedbackView get(@PathParam("feedbackId") UUID feedbackId) {
    return views
        .find(feedbackId)
        .orElseThrow(
            () ->
                CommandRejected.notFound("no feedback " + feedbackId + " given or received here"));
  }

  @POST
  @Path("/{feedbackId}/acknowledgement")
  public Response acknowledge(
      @PathParam("feedbackId") UUID feedbackId,
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @NotNull @Valid AcknowledgementRequest request) {
    FeedbackView view =
        commands.acknowledge(
            feedbackId,
            request.acknowledgedBy().strip(),
            request.comment() == null || request.comment().isBlank()
                ? null
                : request.comment().strip(),
            EventMetadata.command(correlationId, request.acknowledgedBy()));
    return Response.created(URI.create("/feedback/" + feedbackId)).entity(view).build();
  }

  @POST
  @Path("/{feedbackId}/action")
  public Response actOn(
      @PathParam("feedbackId") UUID feedbackId,
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @NotNull @Valid ActionRequest request) {
    FeedbackView view =
        commands.actOn(
            feedbackId,
            request.actedBy().strip(),
            request.action().strip(),
            EventMetadata.command(correlationId, request.actedBy()));
    return Response.created(URI.create("/feedback/" + feedbackId)).entity(view).build();
  }

  private static FeedbackView.Direction direction(String direction) {
    try {
      return FeedbackView.Direction.valueOf(direction.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidParameter("direction", "must be received or given");
    }
  }

  private static FeedbackStatus status(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return FeedbackStatus.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidParameter("status", "must be OPEN, ACKNOWLEDGED or ACTED_ON");
    }
  }
}
