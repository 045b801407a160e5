package io.themodel.events.is;

import io.themodel.events.DomainEvent;

/** Events published by Inside Sales (is-service) on {@code themodel.is.v1}. */
public sealed interface IsEvent extends DomainEvent
    permits CallListEntered,
        TossedUp,
        Disqualified,
        CallLogged,
        IsStageChanged,
        BantUpdated,
        Qualified,
        ProspectProfiled,
        TossUpRuleVersionCreated,
        TossUpRuleVersionActivated,
        TossUpOverridden {}
