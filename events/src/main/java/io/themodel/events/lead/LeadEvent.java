package io.themodel.events.lead;

import io.themodel.events.DomainEvent;

/** Events published by Marketing (lead-service) on {@code themodel.lead.v1}. */
public sealed interface LeadEvent extends DomainEvent
    permits LeadCaptured,
        MarketingQualified,
        LeadRecycled,
        CompanyResolved,
        LeadTouched,
        LeadExcluded,
        LeadReincluded,
        LeadScored,
        LeadsMerged,
        CompaniesMerged {}
