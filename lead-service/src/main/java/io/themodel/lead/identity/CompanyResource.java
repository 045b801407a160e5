package io.themodel.lead.identity;

import io.themodel.lead.capture.LeadResponse;
import io.themodel.lead.lifecycle.LeadView;
import io.themodel.platform.command.CommandRejected;
import io.themodel.platform.problem.InvalidParameter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;

/** The golden master as Marketing and the other departments search it: by any spelling. */
@Path("/companies")
public class CompanyResource {

  /** A company with every known spelling and domain, and its leads. */
  public record CompanyResponse(
      UUID companyId,
      String name,
      List<String> keys,
      List<String> domains,
      List<LeadResponse> leads) {}

  private final CompanyDirectory directory;

  CompanyResource(CompanyDirectory directory) {
    this.directory = directory;
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
        company.companyId(), company.name(), company.keys(), company.domains(), leads);
  }
}
