package io.themodel.lead.exclusion;

import io.themodel.events.lead.ExclusionReason;

/** Why a lead is not a marketing target: the kind of rule and what matched. */
public record Exclusion(ExclusionReason reason, String detail) {}
