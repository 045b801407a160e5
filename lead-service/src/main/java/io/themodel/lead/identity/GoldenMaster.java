package io.themodel.lead.identity;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The golden master's rules from configuration, checked at start-up: the normaliser with its
 * reading table and the free-mail domains excluded from the email-domain signal.
 */
@Startup
@ApplicationScoped
public class GoldenMaster {

  static final String ALIASES_KEY = "themodel.identity.aliases";
  static final String FREE_MAIL_KEY = "themodel.identity.free-mail-domains";

  private final CompanyNameNormaliser normaliser;
  private final Set<String> freeMailDomains;

  @Inject
  GoldenMaster(IdentityConfig config) {
    this(config.aliases().orElse(List.of()), config.freeMailDomains());
  }

  /** For tests: the rules from their configured values. */
  public GoldenMaster(List<String> aliases, List<String> freeMailDomains) {
    try {
      this.normaliser = new CompanyNameNormaliser(readings(aliases));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(ALIASES_KEY + ": " + e.getMessage(), e);
    }
    this.freeMailDomains =
        freeMailDomains.stream()
            .map(d -> d.trim().toLowerCase(Locale.ROOT))
            .filter(d -> !d.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }

  private static Map<String, String> readings(List<String> aliases) {
    Map<String, String> readings = new LinkedHashMap<>();
    for (String alias : aliases) {
      String[] sides = alias.split(":", -1);
      if (sides.length != 2 || sides[0].isBlank() || sides[1].isBlank()) {
        throw new IllegalStateException(
            ALIASES_KEY + ": '" + alias + "' is not a 'reading:spelling' pair");
      }
      readings.put(sides[0].trim(), sides[1].trim());
    }
    return readings;
  }

  public CompanyNameNormaliser normaliser() {
    return normaliser;
  }

  /** The company-identifying domain of an email, or null for free mail and malformed addresses. */
  public String companyDomain(String email) {
    String domain = domainOf(email);
    return domain == null || freeMailDomains.contains(domain) ? null : domain;
  }

  /** The lower-case domain of an email, or null. */
  public static String domainOf(String email) {
    if (email == null) {
      return null;
    }
    int at = email.lastIndexOf('@');
    if (at < 0 || at == email.length() - 1) {
      return null;
    }
    return email.substring(at + 1).trim().toLowerCase(Locale.ROOT);
  }

  public boolean isFreeMail(String email) {
    String domain = domainOf(email);
    return domain != null && freeMailDomains.contains(domain);
  }
}
