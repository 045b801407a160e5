package io.themodel.events.success;

import java.util.UUID;

/** The customer became an advocate (アドボケーター): a reference, case study or referral source. */
public record AdvocateMarked(UUID leadId, UUID accountId, String markedBy, String note)
    implements SuccessEvent {}
