package io.themodel.is.calllist;

import io.themodel.events.is.CallOutcome;
import io.themodel.events.is.IsStage;

/**
 * Inside Sales' stage table: a prospect stands in the stage after the furthest exit condition it
 * has met. A exits on a connect (the call reached the company), B on a contact with the person in
 * charge, C when their current environment was heard, D when BANT "N" (need) is met; E is the last
 * IS stage before the toss-up. A lead may skip stages (an inquiry whose need is known at once) and
 * goes back when the need is withdrawn.
 */
public final class StageTable {

  private StageTable() {}

  /** What the prospect's calls and BANT have established so far. */
  public record Progress(
      boolean connected, boolean keyPersonContacted, boolean environmentHeard, boolean needMet) {

    public static final Progress NONE = new Progress(false, false, false, false);

    /** After a call with this outcome, which may have heard the current environment. */
    public Progress afterCall(CallOutcome outcome, boolean currentEnvironmentHeard) {
      return new Progress(
          connected || outcome.connects(),
          keyPersonContacted || outcome.contacts(),
          environmentHeard || currentEnvironmentHeard,
          needMet);
    }

    /** After BANT was recorded with or without a need. */
    public Progress withNeed(boolean need) {
      return new Progress(connected, keyPersonContacted, environmentHeard, need);
    }
  }

  public static IsStage stageOf(Progress progress) {
    if (progress.needMet()) {
      return IsStage.E;
    }
    if (progress.environmentHeard()) {
      return IsStage.D;
    }
    if (progress.keyPersonContacted()) {
      return IsStage.C;
    }
    if (progress.connected()) {
      return IsStage.B;
    }
    return IsStage.A;
  }
}
