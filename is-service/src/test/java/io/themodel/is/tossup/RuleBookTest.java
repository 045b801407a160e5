package io.themodel.is.tossup;

import static io.themodel.is.tossup.RuleVersionTest.among;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.themodel.events.is.IsEvent;
import io.themodel.events.is.TossUpRuleVersionActivated;
import io.themodel.events.is.TossUpRuleVersionCreated;
import io.themodel.platform.command.CommandRejected;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleBookTest {

  private final RuleBook book = new RuleBook();
  private static final RuleVersion V1 = new RuleVersion("v1", List.of(among("BANT", "NEED")), null);
  private static final TossUpRuleVersionCreated V1_CREATED =
      new TossUpRuleVersionCreated("v1", List.of(among("BANT", "NEED")), List.of(), "is-manager");

  private List<IsEvent> given(List<IsEvent> history, RuleBook.Command command) {
    return book.decide(command, book.fold(history), Clock.systemUTC());
  }

  private static CommandRejected.Reason rejection(Runnable command) {
    try {
      command.run();
    } catch (CommandRejected rejected) {
      return rejected.reason();
    }
    throw new AssertionError("not rejected");
  }

  @Test
  void a_valid_version_is_created_and_nothing_is_active_yet() {
    assertThat(given(List.of(), new RuleBook.CreateVersion(V1, "is-manager")))
        .containsExactly(V1_CREATED);
    assertThat(book.fold(List.of(V1_CREATED)).activeVersion()).isEmpty();
  }

  @Test
  void an_invalid_version_is_refused_naming_the_condition() {
    RuleVersion bad = new RuleVersion("v2", List.of(among("SCORE_BAND", "GOLD")), List.of());
    assertThatThrownBy(() -> given(List.of(), new RuleBook.CreateVersion(bad, "is-manager")))
        .isInstanceOfSatisfying(
            CommandRejected.class, r -> assertThat(r.field()).isEqualTo("conditions[0].values[0]"));
  }

  @Test
  void a_version_name_is_written_once() {
    assertThat(rejection(() -> given(List.of(V1_CREATED), new RuleBook.CreateVersion(V1, "x"))))
        .isEqualTo(CommandRejected.Reason.CONFLICT);
  }

  @Test
  void one_version_is_active_at_a_time_and_activating_it_again_changes_nothing() {
    TossUpRuleVersionCreated v2 =
        new TossUpRuleVersionCreated("v2", List.of(among("BANT", "TIMELINE")), List.of(), "m");
    List<IsEvent> history =
        List.of(V1_CREATED, v2, new TossUpRuleVersionActivated("v1", "is-manager"));
    assertThat(book.fold(history).activeVersion()).map(RuleVersion::version).contains("v1");

    assertThat(given(history, new RuleBook.Activate("v1", "is-manager"))).isEmpty();
    List<IsEvent> switched = given(history, new RuleBook.Activate("v2", "is-manager"));
    assertThat(switched).containsExactly(new TossUpRuleVersionActivated("v2", "is-manager"));

    List<IsEvent> after = new java.util.ArrayList<>(history);
    after.addAll(switched);
    assertThat(book.fold(after).activeVersion()).map(RuleVersion::version).contains("v2");
    assertThat(book.fold(after).versions().keySet()).containsExactly("v1", "v2");
  }

  @Test
  void an_unknown_version_cannot_be_activated() {
    assertThat(rejection(() -> given(List.of(V1_CREATED), new RuleBook.Activate("v9", "m"))))
        .isEqualTo(CommandRejected.Reason.NOT_FOUND);
  }
}
