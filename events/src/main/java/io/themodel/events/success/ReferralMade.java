package io.themodel.events.success;

import io.themodel.events.lead.Person;
import java.util.UUID;

/**
 * A customer referred another company's person; Marketing captures them as a new lead with source
 * referral ({@code referralId} makes the capture idempotent).
 */
public record ReferralMade(
    UUID leadId, UUID accountId, UUID referralId, String companyName, Person person)
    implements SuccessEvent {}
