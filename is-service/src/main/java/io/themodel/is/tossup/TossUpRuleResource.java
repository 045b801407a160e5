package io.themodel.is.tossup;

import io.themodel.events.is.TossUpCondition;
import io.themodel.platform.command.CommandRejected;
import io.themodel.platform.store.EventMetadata;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The versioned toss-up rule book: versions are written, read and activated, never changed. */
@Path("/toss-up-rules")
public class TossUpRuleResource {

  /** A new version: its name, the conditions a lead must meet, and the exclusion conditions. */
  public record CreateVersionRequest(
      @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+") String version,
      @NotNull List<TossUpCondition> conditions,
      List<TossUpCondition> exclusions,
      @NotBlank @Size(max = 100) String createdBy) {}

  /** Who makes the version active. */
  public record ActivationRequest(@NotBlank @Size(max = 100) String activatedBy) {}

  /** A version as the rule book holds it. */
  public record Version(
      String version,
      boolean active,
      List<TossUpCondition> conditions,
      List<TossUpCondition> exclusions) {

    static Version of(RuleVersion rules, String active) {
      return new Version(
          rules.version(), rules.version().equals(active), rules.conditions(), rules.exclusions());
    }
  }

  private final TossUpRules rules;

  TossUpRuleResource(TossUpRules rules) {
    this.rules = rules;
  }

  /** Writes a version: 201, 422 naming the bad condition, 409 if the name is taken. */
  @POST
  public Response create(
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @NotNull @Valid CreateVersionRequest request) {
    RuleBook.State state =
        rules
            .execute(
                new RuleBook.CreateVersion(
                    new RuleVersion(request.version(), request.conditions(), request.exclusions()),
                    request.createdBy()),
                EventMetadata.command(correlationId, request.createdBy()))
            .state();
    return Response.created(URI.create("/toss-up-rules/" + request.version()))
        .entity(Version.of(state.versions().get(request.version()), state.active()))
        .build();
  }

  /** Every version, oldest first. */
  @GET
  public List<Version> list() {
    RuleBook.State state = rules.current();
    return state.versions().values().stream().map(v -> Version.of(v, state.active())).toList();
  }

  @GET
  @Path("/{version}")
  public Version get(@PathParam("version") String version) {
    RuleBook.State state = rules.current();
    RuleVersion found = state.versions().get(version);
    if (found == null) {
      throw CommandRejected.notFound("no toss-up rule version " + version);
    }
    return Version.of(found, state.active());
  }

  /** Makes the version the one that decides toss-ups (the previous one stops deciding). */
  @POST
  @Path("/{version}/activation")
  public Version activate(
      @PathParam("version") String version,
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @NotNull @Valid ActivationRequest request) {
    RuleBook.State state =
        rules
            .execute(
                new RuleBook.Activate(version, request.activatedBy()),
                EventMetadata.command(correlationId, request.activatedBy()))
            .state();
    return Version.of(state.versions().get(version), state.active());
  }
}
