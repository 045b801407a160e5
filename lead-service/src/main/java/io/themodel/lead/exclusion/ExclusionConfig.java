package io.themodel.lead.exclusion;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** {@code themodel.exclusion.*}: the rules that split non-targets off at capture. */
@ConfigMapping(prefix = "themodel.exclusion")
public interface ExclusionConfig {

  /** Competitors by company name, in any spelling (normalised by the golden master). */
  Optional<List<String>> competitorCompanies();

  /** Competitors by email domain (a sub-domain matches too). */
  Optional<List<String>> competitorDomains();

  /** Email domain suffixes of schools and universities, e.g. {@code ac.jp}, {@code edu}. */
  Optional<List<String>> studentDomainSuffixes();

  /** Words in the job title that mark a student, e.g. {@code 学生}, {@code student}. */
  Optional<List<String>> studentTitleWords();

  /** Words in the job title that mark a retiree, e.g. {@code 退職}, {@code retired}. */
  Optional<List<String>> retireeTitleWords();

  /** Whether an address at a free-mail domain is excluded. */
  @WithDefault("false")
  boolean freeMail();

  /** Local parts of role addresses to exclude, e.g. {@code info}, {@code noreply}. */
  Optional<List<String>> roleAddresses();
}
