package io.themodel.lead.exclusion;

import static org.assertj.core.api.Assertions.assertThat;

import io.themodel.events.lead.ExclusionReason;
import io.themodel.lead.identity.CompanyNameNormaliser;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExclusionRulesTest {

  private final CompanyNameNormaliser normaliser = new CompanyNameNormaliser();

  private final ExclusionRules rules =
      new ExclusionRules(
          normaliser,
          List.of("ライバル株式会社"),
          List.of("rival.example"),
          List.of(".ac.jp", "edu"),
          List.of("学生", "Student"),
          List.of("退職", "retired"),
          true,
          List.of("info", "noreply"));

  private ExclusionReason reasonFor(String email, String title, String company, boolean free) {
    return rules
        .check(new ExclusionRules.Candidate(email, title, normaliser.normalise(company), free))
        .map(Exclusion::reason)
        .orElse(null);
  }

  @Test
  void a_competitor_is_recognised_by_any_spelling_of_its_name_or_by_its_domain() {
    assertThat(reasonFor("a@corp.example", null, "(株)ライバル", false))
        .isEqualTo(ExclusionReason.COMPETITOR);
    assertThat(reasonFor("a@sales.rival.example", null, "Other KK", false))
        .isEqualTo(ExclusionReason.COMPETITOR);
    assertThat(reasonFor("a@notrival.example", null, "Other KK", false)).isNull();
  }

  @Test
  void students_are_recognised_by_school_domains_and_titles() {
    assertThat(reasonFor("s@u-tokyo.ac.jp", null, "東京大学", false))
        .isEqualTo(ExclusionReason.STUDENT);
    assertThat(reasonFor("s@mit.edu", null, "MIT", false)).isEqualTo(ExclusionReason.STUDENT);
    assertThat(reasonFor("s@corp.example", "大学院生 (学生)", "PPT", false))
        .isEqualTo(ExclusionReason.STUDENT);
    assertThat(reasonFor("s@corp.example", "STUDENT intern", "PPT", false))
        .isEqualTo(ExclusionReason.STUDENT);
  }

  @Test
  void retirees_role_addresses_and_free_mail_are_excluded_as_configured() {
    assertThat(reasonFor("r@corp.example", "定年退職", "PPT", false))
        .isEqualTo(ExclusionReason.RETIREE);
    assertThat(reasonFor("INFO@corp.example", null, "PPT", false))
        .isEqualTo(ExclusionReason.ROLE_ADDRESS);
    assertThat(reasonFor("taro@gmail.com", null, "PPT", true)).isEqualTo(ExclusionReason.FREE_MAIL);
    assertThat(reasonFor("taro@corp.example", "部長", "PPT", false)).isNull();
  }

  @Test
  void without_rules_every_lead_is_a_target() {
    assertThat(
            ExclusionRules.none()
                .check(new ExclusionRules.Candidate("info@mit.edu", "student", "rival", true)))
        .isEmpty();
  }
}
