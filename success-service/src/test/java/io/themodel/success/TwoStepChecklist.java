package io.themodel.success;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A configured onboarding checklist (kick-off meeting, then admin training), so that won deals open
 * accounts with steps to complete.
 */
public class TwoStepChecklist implements QuarkusTestProfile {

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("themodel.onboarding.checklist", "kickoff,admin-training");
  }
}
