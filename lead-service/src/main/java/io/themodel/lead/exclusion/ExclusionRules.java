package io.themodel.lead.exclusion;

import io.themodel.events.lead.ExclusionReason;
import io.themodel.lead.identity.CompanyNameNormaliser;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The configured rules that split a lead off from the marketing targets (育成対象外), checked in a fixed
 * order: competitor, student, retiree, role address, free mail. Pure: the same lead and rules give
 * the same answer.
 */
public final class ExclusionRules {

  /** What the rules look at in a lead. */
  public record Candidate(String email, String title, String companyKey, boolean freeMail) {}

  private final Set<String> competitorKeys;
  private final List<String> competitorDomains;
  private final List<String> studentDomainSuffixes;
  private final List<String> studentTitleWords;
  private final List<String> retireeTitleWords;
  private final boolean freeMail;
  private final Set<String> roleAddresses;

  public ExclusionRules(
      CompanyNameNormaliser normaliser,
      List<String> competitorCompanies,
      List<String> competitorDomains,
      List<String> studentDomainSuffixes,
      List<String> studentTitleWords,
      List<String> retireeTitleWords,
      boolean freeMail,
      List<String> roleAddresses) {
    this.competitorKeys =
        competitorCompanies.stream()
            .map(normaliser::normalise)
            .filter(k -> !k.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    this.competitorDomains = lower(competitorDomains);
    this.studentDomainSuffixes = lower(studentDomainSuffixes);
    this.studentTitleWords = lower(studentTitleWords);
    this.retireeTitleWords = lower(retireeTitleWords);
    this.freeMail = freeMail;
    this.roleAddresses = Set.copyOf(lower(roleAddresses));
  }

  /** No rule at all: every lead is a target. */
  public static ExclusionRules none() {
    return new ExclusionRules(
        new CompanyNameNormaliser(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        false,
        List.of());
  }

  private static List<String> lower(List<String> values) {
    return values.stream()
        .map(v -> v.trim().toLowerCase(Locale.ROOT))
        .filter(v -> !v.isEmpty())
        .map(v -> v.startsWith(".") || v.startsWith("@") ? v.substring(1) : v)
        .toList();
  }

  /** The first rule the lead matches, if any. */
  public Optional<Exclusion> check(Candidate lead) {
    String email = lead.email() == null ? "" : lead.email().trim().toLowerCase(Locale.ROOT);
    int at = email.lastIndexOf('@');
    String local = at < 0 ? email : email.substring(0, at);
    String domain = at < 0 ? "" : email.substring(at + 1);
    String title = lead.title() == null ? "" : lead.title().toLowerCase(Locale.ROOT);

    if (lead.companyKey() != null && competitorKeys.contains(lead.companyKey())) {
      return found(ExclusionReason.COMPETITOR, "company " + lead.companyKey());
    }
    for (String competitor : competitorDomains) {
      if (isDomainOrSubdomain(domain, competitor)) {
        return found(ExclusionReason.COMPETITOR, "domain " + competitor);
      }
    }
    for (String suffix : studentDomainSuffixes) {
      if (isDomainOrSubdomain(domain, suffix)) {
        return found(ExclusionReason.STUDENT, "domain " + suffix);
      }
    }
    for (String word : studentTitleWords) {
      if (title.contains(word)) {
        return found(ExclusionReason.STUDENT, "title " + word);
      }
    }
    for (String word : retireeTitleWords) {
      if (title.contains(word)) {
        return found(ExclusionReason.RETIREE, "title " + word);
      }
    }
    if (roleAddresses.contains(local)) {
      return found(ExclusionReason.ROLE_ADDRESS, "address " + local + "@");
    }
    if (freeMail && lead.freeMail()) {
      return found(ExclusionReason.FREE_MAIL, "domain " + domain);
    }
    return Optional.empty();
  }

  private static boolean isDomainOrSubdomain(String domain, String parent) {
    return domain.equals(parent) || domain.endsWith("." + parent);
  }

  private static Optional<Exclusion> found(ExclusionReason reason, String detail) {
    return Optional.of(new Exclusion(reason, detail));
  }
}
