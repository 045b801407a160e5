package io.themodel.platform.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.themodel.events.Department;
import io.themodel.events.feedback.FeedbackAcknowledged;
import io.themodel.events.feedback.FeedbackActedOn;
import io.themodel.events.feedback.FeedbackCategory;
import io.themodel.events.feedback.FeedbackEvent;
import io.themodel.events.feedback.FeedbackGiven;
import io.themodel.events.feedback.FeedbackParty;
import io.themodel.platform.command.CommandRejected;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Given these feedback events, when this command, then these events (or this rejection). */
class FeedbackTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-04-01T09:00:00Z"), ZoneOffset.UTC);
  private static final UUID FEEDBACK = UUID.randomUUID();
  private static final UUID LEAD = UUID.randomUUID();

  private final Feedback feedback = new Feedback();

  private static FeedbackGiven given(Department from, FeedbackParty to) {
    return new FeedbackGiven(
        FEEDBACK,
        from,
        to,
        LEAD,
        null,
        FeedbackCategory.HANDOFF_INFORMATION,
        "Visit differed from the handoff",
        "No budget before April, the comment said approved.",
        "fs-tanaka");
  }

  private static final FeedbackGiven DEAL_TO_IS =
      given(Department.DEAL, FeedbackParty.INSIDE_SALES);

  private List<FeedbackEvent> when(List<FeedbackEvent> history, Feedback.Command command) {
    return feedback.decide(command, feedback.fold(history), CLOCK);
  }

  private CommandRejected rejection(List<FeedbackEvent> history, Feedback.Command command) {
    Throwable thrown = catchThrowable(() -> when(history, command));
    assertThat(thrown).isInstanceOf(CommandRejected.class);
    return (CommandRejected) thrown;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "SUCCESS, FIELD_SALES",
    "SUCCESS, MARKETING",
    "DEAL, INSIDE_SALES",
    "DEAL, MARKETING",
    "DEAL, CUSTOMER_SUCCESS",
    "IS, MARKETING",
    "LEAD, PRODUCT",
    "IS, PRODUCT",
    "DEAL, PRODUCT",
    "SUCCESS, PRODUCT"
  })
  void feedback_upstream_along_the_reverse_loop_or_to_product_is_given(
      Department from, FeedbackParty to) {
    FeedbackGiven given = given(from, to);

    assertThat(when(List.of(), new Feedback.Give(given))).containsExactly(given);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "LEAD, INSIDE_SALES",
    "LEAD, FIELD_SALES",
    "IS, FIELD_SALES",
    "IS, CUSTOMER_SUCCESS",
    "LEAD, CUSTOMER_SUCCESS",
    "SUCCESS, INSIDE_SALES",
    "LEAD, MARKETING",
    "DEAL, FIELD_SALES",
    "SUCCESS, CUSTOMER_SUCCESS"
  })
  void feedback_downstream_to_itself_or_skipping_the_loop_is_refused_naming_to(
      Department from, FeedbackParty to) {
    CommandRejected rejected = rejection(List.of(), new Feedback.Give(given(from, to)));

    assertThat(rejected.reason()).isEqualTo(CommandRejected.Reason.UNPROCESSABLE);
    assertThat(rejected.field()).isEqualTo("to");
  }

  @Test
  void the_same_feedback_given_again_changes_nothing_and_other_content_under_its_id_conflicts() {
    assertThat(when(List.of(DEAL_TO_IS), new Feedback.Give(DEAL_TO_IS))).isEmpty();

    FeedbackGiven other = given(Department.DEAL, FeedbackParty.MARKETING);
    assertThat(rejection(List.of(DEAL_TO_IS), new Feedback.Give(other)).reason())
        .isEqualTo(CommandRejected.Reason.CONFLICT);
  }

  @Test
  void the_receiver_acknowledges_copying_the_lead_of_the_feedback() {
    List<FeedbackEvent> events =
        when(
            List.of(DEAL_TO_IS),
            new Feedback.Acknowledge(Department.IS, "is-suzuki", "will ask about budget"));

    assertThat(events)
        .containsExactly(
            new FeedbackAcknowledged(
                FEEDBACK, Department.IS, LEAD, "is-suzuki", "will ask about budget"));
  }

  @Test
  void acknowledging_twice_conflicts() {
    FeedbackAcknowledged ack =
        new FeedbackAcknowledged(FEEDBACK, Department.IS, LEAD, "is-suzuki", null);

    CommandRejected rejected =
        rejection(
            List.of(DEAL_TO_IS, ack), new Feedback.Acknowledge(Department.IS, "is-sato", null));

    assertThat(rejected.reason()).isEqualTo(CommandRejected.Reason.CONFLICT);
    assertThat(rejected).hasMessageContaining("already acknowledged");
  }

  @Test
  void acknowledging_after_it_was_acted_on_conflicts() {
    List<FeedbackEvent> history =
        List.of(
            DEAL_TO_IS,
            new FeedbackAcknowledged(FEEDBACK, Department.IS, LEAD, "is-suzuki", null),
            new FeedbackActedOn(FEEDBACK, Department.IS, LEAD, "is-suzuki", "new BANT script"));

    assertThat(
            rejection(history, new Feedback.Acknowledge(Department.IS, "is-sato", null)).reason())
        .isEqualTo(CommandRejected.Reason.CONFLICT);
  }

  @Test
  void only_the_receiver_acknowledges_or_acts() {
    for (Department other : List.of(Department.LEAD, Department.DEAL, Department.SUCCESS)) {
      assertThat(
              rejection(List.of(DEAL_TO_IS), new Feedback.Acknowledge(other, "x", null)).reason())
          .isEqualTo(CommandRejected.Reason.CONFLICT);
      assertThat(rejection(List.of(DEAL_TO_IS), new Feedback.ActOn(other, "x", "y")).reason())
          .isEqualTo(CommandRejected.Reason.CONFLICT);
    }
  }

  @Test
  void nobody_acknowledges_feedback_to_product() {
    FeedbackGiven toProduct = given(Department.SUCCESS, FeedbackParty.PRODUCT);

    for (Department department : Department.values()) {
      assertThat(
              rejection(List.of(toProduct), new Feedback.Acknowledge(department, "x", null))
                  .reason())
          .isEqualTo(CommandRejected.Reason.CONFLICT);
    }
  }

  @Test
  void unknown_feedback_is_not_found() {
    assertThat(
            rejection(List.of(), new Feedback.Acknowledge(Department.IS, "is-suzuki", null))
                .reason())
        .isEqualTo(CommandRejected.Reason.NOT_FOUND);
    assertThat(rejection(List.of(), new Feedback.ActOn(Department.IS, "is-suzuki", "x")).reason())
        .isEqualTo(CommandRejected.Reason.NOT_FOUND);
  }

  @Test
  void acting_on_acknowledged_feedback_records_the_action() {
    List<FeedbackEvent> history =
        List.of(
            DEAL_TO_IS, new FeedbackAcknowledged(FEEDBACK, Department.IS, LEAD, "is-suzuki", null));

    assertThat(when(history, new Feedback.ActOn(Department.IS, "is-sato", "BANT budget question")))
        .containsExactly(
            new FeedbackActedOn(FEEDBACK, Department.IS, LEAD, "is-sato", "BANT budget question"));
  }

  @Test
  void acting_on_open_feedback_acknowledges_it_first_by_the_same_person() {
    List<FeedbackEvent> events =
        when(List.of(DEAL_TO_IS), new Feedback.ActOn(Department.IS, "is-sato", "new script"));

    assertThat(events)
        .containsExactly(
            new FeedbackAcknowledged(FEEDBACK, Department.IS, LEAD, "is-sato", null),
            new FeedbackActedOn(FEEDBACK, Department.IS, LEAD, "is-sato", "new script"));
    assertThat(feedback.fold(concat(List.of(DEAL_TO_IS), events)).status())
        .isEqualTo(FeedbackStatus.ACTED_ON);
  }

  @Test
  void acting_twice_conflicts() {
    List<FeedbackEvent> history =
        List.of(
            DEAL_TO_IS,
            new FeedbackAcknowledged(FEEDBACK, Department.IS, LEAD, "is-suzuki", null),
            new FeedbackActedOn(FEEDBACK, Department.IS, LEAD, "is-suzuki", "new script"));

    CommandRejected rejected =
        rejection(history, new Feedback.ActOn(Department.IS, "is-sato", "again"));

    assertThat(rejected.reason()).isEqualTo(CommandRejected.Reason.CONFLICT);
    assertThat(rejected).hasMessageContaining("already acted on");
  }

  @Test
  void folding_follows_the_status_from_open_to_acted_on() {
    assertThat(feedback.fold(List.of()).exists()).isFalse();
    assertThat(feedback.fold(List.of(DEAL_TO_IS)).status()).isEqualTo(FeedbackStatus.OPEN);
    assertThat(
            feedback
                .fold(
                    List.of(
                        DEAL_TO_IS,
                        new FeedbackAcknowledged(FEEDBACK, Department.IS, LEAD, "a", null)))
                .status())
        .isEqualTo(FeedbackStatus.ACKNOWLEDGED);
    assertThat(feedback.fold(List.of(DEAL_TO_IS)).receiver()).contains(Department.IS);
  }

  private static List<FeedbackEvent> concat(List<FeedbackEvent> a, List<FeedbackEvent> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
