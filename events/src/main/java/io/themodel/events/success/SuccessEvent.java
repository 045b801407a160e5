package io.themodel.events.success;

import io.themodel.events.DomainEvent;

/** Events published by Customer Success (success-service) on {@code themodel.success.v1}. */
public sealed interface SuccessEvent extends DomainEvent
    permits CustomerOnboarded,
        Renewed,
        Churned,
        ExpansionIdentified,
        ReferralMade,
        CustomerAccountOpened,
        OnboardingStepCompleted,
        AdvocateMarked,
        UsageRecorded,
        HealthScored,
        ChurnRiskDetected,
        ChurnRiskRecovered,
        ContractExpanded {}
