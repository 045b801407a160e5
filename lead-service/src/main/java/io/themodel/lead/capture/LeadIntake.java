package io.themodel.lead.capture;

import io.themodel.events.lead.LeadSource;
import io.themodel.events.lead.Person;
import io.themodel.lead.exclusion.Exclusion;
import io.themodel.lead.exclusion.ExclusionRules;
import io.themodel.lead.exclusion.Exclusions;
import io.themodel.lead.identity.CompanyDirectory;
import io.themodel.lead.identity.CompanyResolution;
import io.themodel.lead.identity.GoldenMaster;
import io.themodel.lead.lifecycle.LeadLifecycle;
import io.themodel.lead.lifecycle.LeadView;
import io.themodel.lead.lifecycle.Leads;
import io.themodel.platform.store.EventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes a lead in from any source: a retry with the same client key is the same lead, a known email
 * is a new touch on the existing lead, anything else is a new lead whose company the golden master
 * resolves and whose exclusion rules are checked, all in one transaction.
 */
@ApplicationScoped
public class LeadIntake {

  /** A lead as a source delivers it. */
  public record Incoming(
      LeadSource source,
      String campaign,
      Person person,
      String companyName,
      boolean consent,
      String clientKey,
      LeadLifecycle.CompanyProfile profile) {

    public Incoming(
        LeadSource source,
        String campaign,
        Person person,
        String companyName,
        boolean consent,
        String clientKey) {
      this(source, campaign, person, companyName, consent, clientKey, null);
    }
  }

  /** What the intake did: a new lead, a touch on a known one, or nothing (a retry). */
  public enum Outcome {
    CAPTURED,
    TOUCHED,
    ALREADY_RECORDED
  }

  public record Result(UUID leadId, Outcome outcome) {}

  private final Leads leads;
  private final CompanyDirectory directory;
  private final GoldenMaster master;
  private final Exclusions exclusions;

  LeadIntake(Leads leads, CompanyDirectory directory, GoldenMaster master, Exclusions exclusions) {
    this.leads = leads;
    this.directory = directory;
    this.master = master;
    this.exclusions = exclusions;
  }

  @Transactional
  public Result take(Incoming incoming, EventMetadata metadata) {
    Incoming lead = withoutBlankCampaign(incoming);
    UUID leadId = lead.clientKey() == null ? UUID.randomUUID() : derived("lead:", lead.clientKey());
    if (lead.clientKey() != null && LeadView.findById(leadId) != null) {
      return new Result(leadId, Outcome.ALREADY_RECORDED);
    }
    Optional<LeadView> known = LeadView.byEmail(lead.person().email());
    if (known.isPresent()) {
      UUID touchId =
          lead.clientKey() == null ? UUID.randomUUID() : derived("touch:", lead.clientKey());
      UUID touched = known.get().leadId;
      if (known.get().mergedInto != null) {
        // the email's lead was merged: its touches go to the survivor, unless this one is a
        // retry of a touch the absorbed lead recorded before the merge
        if (leads.current(touched).touches().contains(touchId)) {
          return new Result(leads.survivorOf(touched), Outcome.ALREADY_RECORDED);
        }
        touched = leads.survivorOf(touched);
      }
      var decision =
          leads.execute(
              touched, new LeadLifecycle.Touch(touchId, lead.source(), lead.campaign()), metadata);
      return new Result(
          touched, decision.events().isEmpty() ? Outcome.ALREADY_RECORDED : Outcome.TOUCHED);
    }
    CompanyResolution company = directory.resolve(lead.companyName(), lead.person().email());
    Exclusion exclusion =
        exclusions
            .check(
                new ExclusionRules.Candidate(
                    lead.person().email(),
                    lead.person().title(),
                    company.normalisedKey(),
                    master.isFreeMail(lead.person().email())))
            .orElse(null);
    leads.execute(
        leadId,
        new LeadLifecycle.Capture(
            leadId,
            lead.source(),
            lead.campaign(),
            lead.person(),
            lead.companyName(),
            lead.consent(),
            company,
            exclusion,
            lead.profile()),
        metadata);
    return new Result(leadId, Outcome.CAPTURED);
  }

  private static Incoming withoutBlankCampaign(Incoming lead) {
    if (lead.campaign() == null || !lead.campaign().isBlank()) {
      return lead;
    }
    return new Incoming(
        lead.source(),
        null,
        lead.person(),
        lead.companyName(),
        lead.consent(),
        lead.clientKey(),
        lead.profile());
  }

  private static UUID derived(String kind, String clientKey) {
    return UUID.nameUUIDFromBytes((kind + clientKey).getBytes(StandardCharsets.UTF_8));
  }
}
