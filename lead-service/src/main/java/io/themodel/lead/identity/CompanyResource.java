package io.themodel.lead.identity;

import io.themodel.lead.capture.LeadResponse;
import io.themodel.lead.lifecycle.LeadView;
import io.themodel.platform.command.CommandRejected;
import io.themodel.platform.problem.InvalidParameter;
import io.themodel.platform.store.EventMetadata;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;

/** The golden master as Marketing and the other departments search it: by any spelling. */
@Path("/companies")
public class CompanyResource {

  /**
   * A company with every known spelling and domain, and its leads; a merged company has none of its
   * own and names the company it was merged into.
   */
  public record CompanyResponse(
      UUID companyId,
      String name,
      List<String> keys,
      List<String> domains,
      List<LeadResponse> leads,
      UUID mergedInto) {}

  /** The company to absorb into this one, who merges and why. */
  public record MergeCompanyRequest(
      @NotNull UUID absorbedCompanyId,
      @NotBlank @Size(max = 200) String by,
      @Size(max = 500) String note) {}

  private final CompanyDirectory directory;
  private final CompanyMerger merger;

  CompanyResource(CompanyDirectory directory, CompanyMerger merger) {
    this.directory = directory;
    this.merger = merger;
  }

  /** Merges another company into this one; answers the survivor with everything it now holds. */
  @POST
  @Path("/{companyId}/merger")
  public CompanyResponse merge(
      @PathParam("companyId") UUID companyId,
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @NotNull @Valid MergeCompanyRequest request) {
    String by = request.by().trim();
    String note = request.note() == null || request.note().isBlank() ? null : request.note();
    merger.merge(
        companyId, request.absorbedCompanyId(), by, note, EventMetadata.command(correlationId, by));
    return get(companyId);
  }

  @GET
  public List<CompanyResponse> search(@QueryParam("q") String query) {
    if (query == null || query.isBlank()) {
      throw new InvalidParameter(
          "q", "is required: a company name in any spelling, or an email domain");
    }
    if (query.length() > 300) {
      throw new InvalidParameter("q", "is at most 300 characters");
    }
    return directory.search(query).stream()
        .map(directory::company)
        .flatMap(java.util.Optional::stream)
        .map(CompanyResource::withLeads)
        .toList();
  }

  @GET
  @Path("/{companyId}")
  public CompanyResponse get(@PathParam("companyId") UUID companyId) {
    return directory
        .company(companyId)
        .map(CompanyResource::withLeads)
        .orElseThrow(() -> CommandRejected.notFound("no company " + companyId));
  }

  private static CompanyResponse withLeads(CompanyDirectory.Company company) {
    List<LeadResponse> leads =
        LeadView.<LeadView>list("companyId = ?1 order by capturedAt", company.companyId()).stream()
            .map(LeadResponse::of)
            .toList();
    return new CompanyResponse(
        company.companyId(),
        company.name(),
        company.keys(),
        company.domains(),
        leads,
        company.mergedInto());
  }
}
