package io.themodel.success.onboarding;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The onboarding steps a new customer account must complete ({@code themodel.onboarding.checklist},
 * comma-separated, in order). Empty by default: a won deal is onboarded at once. Each account keeps
 * the checklist it opened with, so changing it affects only accounts opened later.
 */
@Startup
@ApplicationScoped
public class OnboardingChecklist {

  static final String KEY = "themodel.onboarding.checklist";
  private static final Pattern STEP = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  private final List<String> steps;

  OnboardingChecklist(@ConfigProperty(name = KEY) Optional<List<String>> configured) {
    this.steps = validated(configured.orElse(List.of()));
  }

  /** The checklist, checked: step names are lower-case slugs, each named once. */
  static List<String> validated(List<String> configured) {
    Set<String> seen = new HashSet<>();
    for (String step : configured) {
      if (!STEP.matcher(step).matches()) {
        throw new IllegalStateException(
            KEY + ": step '" + step + "' must be a lower-case slug such as kickoff-meeting");
      }
      if (!seen.add(step)) {
        throw new IllegalStateException(KEY + ": step '" + step + "' is listed twice");
      }
    }
    if (configured.size() > 50) {
      throw new IllegalStateException(KEY + ": at most 50 steps");
    }
    return List.copyOf(configured);
  }

  public List<String> steps() {
    return steps;
  }
}
