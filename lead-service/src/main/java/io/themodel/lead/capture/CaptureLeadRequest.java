package io.themodel.lead.capture;

import io.themodel.events.lead.LeadSource;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /leads}: a lead as a source delivers it. */
public record CaptureLeadRequest(
    @NotNull LeadSource source,
    @Size(max = 200) String campaign,
    @NotNull @Valid PersonRequest person,
    @NotBlank @Size(max = 300) String companyName,
    boolean consent,
    @Valid CompanyProfileRequest company) {

  /** What the source knows of the company, for fit scoring; every field optional. */
  public record CompanyProfileRequest(
      @Min(1) @Max(10_000_000) Integer employees, @Size(max = 100) String industry) {}

  /** The person behind the lead. */
  public record PersonRequest(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Email @Size(max = 320) String email,
      @Size(max = 50) String phone,
      @Size(max = 200) String title) {}
}
