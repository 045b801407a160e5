package io.themodel.events.lead;

import java.util.UUID;

/**
 * A person merged this lead (the absorbed one, {@code leadId}) into {@code survivorLeadId}: they
 * were the same person. The absorbed lead leaves the funnel for good; its score folded into the
 * survivor (the survivor's {@code LeadScored} with reason {@code MERGE}), and every later event
 * about it is applied to, and carries, the survivor's id. {@code survivorCompanyId} is the
 * survivor's company in the golden master.
 */
public record LeadsMerged(
    UUID leadId, UUID survivorLeadId, UUID survivorCompanyId, String by, String note)
    implements LeadEvent {}
