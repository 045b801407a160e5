package io.themodel.events.is;

import io.themodel.events.Money;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What Inside Sales learned about the lead's company for the toss-up rules: annual revenue,
 * employees, industry, and when the customer plans to start (timing). Unknown facts are null.
 */
public record ProspectProfiled(
    UUID leadId,
    Money annualRevenue,
    Integer employees,
    String industry,
    LocalDate plannedStart,
    String rep)
    implements IsEvent {}
