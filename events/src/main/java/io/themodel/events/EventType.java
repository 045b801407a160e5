package io.themodel.events;

import io.themodel.events.deal.DealLost;
import io.themodel.events.deal.DealStageChanged;
import io.themodel.events.deal.DealWon;
import io.themodel.events.deal.OpportunityOpened;
import io.themodel.events.deal.TargetSet;
import io.themodel.events.deal.TossUpAccepted;
import io.themodel.events.deal.TossUpRejected;
import io.themodel.events.feedback.FeedbackAcknowledged;
import io.themodel.events.feedback.FeedbackActedOn;
import io.themodel.events.feedback.FeedbackEvent;
import io.themodel.events.feedback.FeedbackGiven;
import io.themodel.events.is.BantUpdated;
import io.themodel.events.is.CallListEntered;
import io.themodel.events.is.CallLogged;
import io.themodel.events.is.Disqualified;
import io.themodel.events.is.IsStageChanged;
import io.themodel.events.is.ProspectProfiled;
import io.themodel.events.is.Qualified;
import io.themodel.events.is.TossUpOverridden;
import io.themodel.events.is.TossUpRuleVersionActivated;
import io.themodel.events.is.TossUpRuleVersionCreated;
import io.themodel.events.is.TossedUp;
import io.themodel.events.lead.CompaniesMerged;
import io.themodel.events.lead.CompanyResolved;
import io.themodel.events.lead.LeadCaptured;
import io.themodel.events.lead.LeadExcluded;
import io.themodel.events.lead.LeadRecycled;
import io.themodel.events.lead.LeadReincluded;
import io.themodel.events.lead.LeadScored;
import io.themodel.events.lead.LeadTouched;
import io.themodel.events.lead.LeadsMerged;
import io.themodel.events.lead.MarketingQualified;
import io.themodel.events.success.AdvocateMarked;
import io.themodel.events.success.ChurnRiskDetected;
import io.themodel.events.success.ChurnRiskRecovered;
import io.themodel.events.success.Churned;
import io.themodel.events.success.ContractExpanded;
import io.themodel.events.success.CustomerAccountOpened;
import io.themodel.events.success.CustomerOnboarded;
import io.themodel.events.success.ExpansionIdentified;
import io.themodel.events.success.HealthScored;
import io.themodel.events.success.OnboardingStepCompleted;
import io.themodel.events.success.ReferralMade;
import io.themodel.events.success.Renewed;
import io.themodel.events.success.UsageRecorded;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event catalogue: every published event type with its department, version and schema. A
 * breaking change gets a new entry with a higher version; old entries stay readable. The feedback
 * types have no fixed department: every department publishes them, each on its own topic ({@link
 * #departmentOf(DomainEvent)}).
 */
public enum EventType {
  // Marketing (lead-service)
  LEAD_CAPTURED(Department.LEAD, LeadCaptured.class, 1),
  MARKETING_QUALIFIED(Department.LEAD, MarketingQualified.class, 1),
  LEAD_RECYCLED(Department.LEAD, LeadRecycled.class, 1),
  COMPANY_RESOLVED(Department.LEAD, CompanyResolved.class, 1),
  LEAD_TOUCHED(Department.LEAD, LeadTouched.class, 1),
  LEAD_EXCLUDED(Department.LEAD, LeadExcluded.class, 1),
  LEAD_REINCLUDED(Department.LEAD, LeadReincluded.class, 1),
  LEAD_SCORED(Department.LEAD, LeadScored.class, 1),
  LEADS_MERGED(Department.LEAD, LeadsMerged.class, 1),
  COMPANIES_MERGED(Department.LEAD, CompaniesMerged.class, 1),
  // Inside Sales (is-service)
  CALL_LIST_ENTERED(Department.IS, CallListEntered.class, 1),
  TOSSED_UP(Department.IS, TossedUp.class, 1),
  DISQUALIFIED(Department.IS, Disqualified.class, 1),
  CALL_LOGGED(Department.IS, CallLogged.class, 1),
  IS_STAGE_CHANGED(Department.IS, IsStageChanged.class, 1),
  BANT_UPDATED(Department.IS, BantUpdated.class, 1),
  QUALIFIED(Department.IS, Qualified.class, 1),
  PROSPECT_PROFILED(Department.IS, ProspectProfiled.class, 1),
  TOSS_UP_RULE_VERSION_CREATED(Department.IS, TossUpRuleVersionCreated.class, 1),
  TOSS_UP_RULE_VERSION_ACTIVATED(Department.IS, TossUpRuleVersionActivated.class, 1),
  TOSS_UP_OVERRIDDEN(Department.IS, TossUpOverridden.class, 1),
  // Field Sales (deal-service)
  OPPORTUNITY_OPENED(Department.DEAL, OpportunityOpened.class, 1),
  TOSS_UP_ACCEPTED(Department.DEAL, TossUpAccepted.class, 1),
  TOSS_UP_REJECTED(Department.DEAL, TossUpRejected.class, 1),
  DEAL_WON(Department.DEAL, DealWon.class, 1),
  DEAL_LOST(Department.DEAL, DealLost.class, 1),
  DEAL_STAGE_CHANGED(Department.DEAL, DealStageChanged.class, 1),
  TARGET_SET(Department.DEAL, TargetSet.class, 1),
  // Customer Success (success-service)
  CUSTOMER_ONBOARDED(Department.SUCCESS, CustomerOnboarded.class, 1),
  RENEWED(Department.SUCCESS, Renewed.class, 1),
  CHURNED(Department.SUCCESS, Churned.class, 1),
  EXPANSION_IDENTIFIED(Department.SUCCESS, ExpansionIdentified.class, 1),
  REFERRAL_MADE(Department.SUCCESS, ReferralMade.class, 1),
  CUSTOMER_ACCOUNT_OPENED(Department.SUCCESS, CustomerAccountOpened.class, 1),
  ONBOARDING_STEP_COMPLETED(Department.SUCCESS, OnboardingStepCompleted.class, 1),
  ADVOCATE_MARKED(Department.SUCCESS, AdvocateMarked.class, 1),
  USAGE_RECORDED(Department.SUCCESS, UsageRecorded.class, 1),
  HEALTH_SCORED(Department.SUCCESS, HealthScored.class, 1),
  CHURN_RISK_DETECTED(Department.SUCCESS, ChurnRiskDetected.class, 1),
  CHURN_RISK_RECOVERED(Department.SUCCESS, ChurnRiskRecovered.class, 1),
  CONTRACT_EXPANDED(Department.SUCCESS, ContractExpanded.class, 1),
  // Every department: the reverse-direction feedback loop
  FEEDBACK_GIVEN(FeedbackGiven.class, 1),
  FEEDBACK_ACKNOWLEDGED(FeedbackAcknowledged.class, 1),
  FEEDBACK_ACTED_ON(FeedbackActedOn.class, 1);

  private static final String FEEDBACK_FAMILY = "feedback";

  private static final Map<String, EventType> BY_NAME =
      Arrays.stream(values()).collect(Collectors.toMap(EventType::typeName, Function.identity()));
  private static final Map<Class<?>, EventType> BY_CLASS =
      Arrays.stream(values()).collect(Collectors.toMap(t -> t.javaType, Function.identity()));

  private final Department department;
  private final Class<? extends DomainEvent> javaType;
  private final int version;

  EventType(Department department, Class<? extends DomainEvent> javaType, int version) {
    this.department = department;
    this.javaType = javaType;
    this.version = version;
  }

  /** A type every department publishes (a {@link FeedbackEvent}): no fixed department. */
  EventType(Class<? extends FeedbackEvent> javaType, int version) {
    this(null, javaType, version);
  }

  /**
   * The one department that publishes this type.
   *
   * @throws IllegalStateException for a type published by several departments: use {@link
   *     #departmentOf(DomainEvent)} with the event
   */
  public Department department() {
    if (department == null) {
      throw new IllegalStateException(
          simpleName() + " is published by several departments: use EventType.departmentOf(event)");
    }
    return department;
  }

  /** The department that publishes every event of this type; empty for the feedback types. */
  public Optional<Department> fixedDepartment() {
    return Optional.ofNullable(department);
  }

  /**
   * The department that published this event, whose topic carries it and whose service is its
   * CloudEvents {@code source}: the type's department, or a feedback event's {@code publishedBy()}.
   */
  public static Department departmentOf(DomainEvent event) {
    if (event instanceof FeedbackEvent feedback) {
      return feedback.publishedBy();
    }
    return of(event).department();
  }

  public Class<? extends DomainEvent> javaType() {
    return javaType;
  }

  public int version() {
    return version;
  }

  /** The short name, e.g. {@code LeadCaptured}. */
  public String simpleName() {
    return javaType.getSimpleName();
  }

  /** The CloudEvents {@code type}, e.g. {@code io.themodel.lead.LeadCaptured.v1}. */
  public String typeName() {
    return "io.themodel."
        + (department == null ? FEEDBACK_FAMILY : department.name().toLowerCase(Locale.ROOT))
        + "."
        + simpleName()
        + ".v"
        + version;
  }

  /** The CloudEvents {@code dataschema}: where the JSON Schema of {@code data} is published. */
  public String dataSchema() {
    return "https://schemas.themodel.io/events/" + schemaFile();
  }

  /** The schema's file name under {@code schemas/} in this module. */
  public String schemaFile() {
    return simpleName() + ".v" + version + ".json";
  }

  public static Optional<EventType> byTypeName(String typeName) {
    return Optional.ofNullable(BY_NAME.get(typeName));
  }

  public static EventType of(DomainEvent event) {
    EventType type = BY_CLASS.get(event.getClass());
    if (type == null) {
      throw new IllegalArgumentException("not in the event catalogue: " + event.getClass());
    }
    return type;
  }
}
