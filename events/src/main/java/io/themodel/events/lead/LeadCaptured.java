package io.themodel.events.lead;

import java.util.UUID;

/** A lead was captured from a source; the company is as the person entered it. */
public record LeadCaptured(
    UUID leadId,
    LeadSource source,
    String campaign,
    Person person,
    String companyName,
    boolean consent)
    implements LeadEvent {}
