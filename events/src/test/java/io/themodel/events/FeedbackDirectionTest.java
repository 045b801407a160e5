package io.themodel.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.themodel.events.feedback.FeedbackParty;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Feedback runs against the journey (逆の流れ), along the topics the receiver reads: CS to field sales
 * and marketing, field sales to IS and marketing, IS to marketing, anyone to product; and field
 * sales hands CS the expectations set during the sale.
 */
class FeedbackDirectionTest {

  @ParameterizedTest
  @EnumSource(Department.class)
  void a_department_gives_feedback_only_along_the_reverse_loop_or_to_product(Department giver) {
    Set<FeedbackParty> allowed = EnumSet.noneOf(FeedbackParty.class);
    for (FeedbackParty to : FeedbackParty.values()) {
      if (to.receivesFrom(giver)) {
        allowed.add(to);
      }
    }

    Set<FeedbackParty> expected =
        switch (giver) {
          case LEAD -> EnumSet.of(FeedbackParty.PRODUCT);
          case IS -> EnumSet.of(FeedbackParty.MARKETING, FeedbackParty.PRODUCT);
          case DEAL ->
              EnumSet.of(
                  FeedbackParty.MARKETING,
                  FeedbackParty.INSIDE_SALES,
                  FeedbackParty.CUSTOMER_SUCCESS,
                  FeedbackParty.PRODUCT);
          case SUCCESS ->
              EnumSet.of(FeedbackParty.MARKETING, FeedbackParty.FIELD_SALES, FeedbackParty.PRODUCT);
        };
    assertThat(allowed).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(Department.class)
  void every_department_is_a_feedback_party_and_product_is_none(Department department) {
    assertThat(FeedbackParty.of(department).department()).contains(department);
    assertThat(FeedbackParty.PRODUCT.department()).isEmpty();
  }
}
