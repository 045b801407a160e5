package io.themodel.lead.exclusion;

import io.quarkus.runtime.Startup;
import io.themodel.lead.identity.GoldenMaster;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The exclusion rules as configured, built (and so checked) at start-up. */
@Startup
@ApplicationScoped
public class Exclusions {

  private final ExclusionRules rules;

  Exclusions(ExclusionConfig config, GoldenMaster master) {
    this.rules =
        new ExclusionRules(
            master.normaliser(),
            config.competitorCompanies().orElse(List.of()),
            config.competitorDomains().orElse(List.of()),
            config.studentDomainSuffixes().orElse(List.of()),
            config.studentTitleWords().orElse(List.of()),
            config.retireeTitleWords().orElse(List.of()),
            config.freeMail(),
            config.roleAddresses().orElse(List.of()));
  }

  public Optional<Exclusion> check(ExclusionRules.Candidate lead) {
    return rules.check(lead);
  }
}
