package io.themodel.is.tossup;

import io.themodel.events.Money;
import io.themodel.events.lead.ScoreBand;
import io.themodel.is.qualification.Bant;
import java.time.LocalDate;

/**
 * What Inside Sales knows about a lead when the toss-up rules look at it; unknown facts are null.
 */
public record LeadFacts(
    ScoreBand band,
    Bant bant,
    Money annualRevenue,
    Integer employees,
    String industry,
    LocalDate plannedStart) {}
