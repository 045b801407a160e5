package io.themodel.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.themodel.events.deal.DealLost;
import io.themodel.events.deal.DealStage;
import io.themodel.events.deal.DealStageChanged;
import io.themodel.events.deal.DealWon;
import io.themodel.events.deal.ExitCondition;
import io.themodel.events.deal.OpportunityKind;
import io.themodel.events.deal.OpportunityOpened;
import io.themodel.events.deal.TargetSet;
import io.themodel.events.deal.TossUpAccepted;
import io.themodel.events.deal.TossUpRejected;
import io.themodel.events.feedback.FeedbackAcknowledged;
import io.themodel.events.feedback.FeedbackActedOn;
import io.themodel.events.feedback.FeedbackCategory;
import io.themodel.events.feedback.FeedbackGiven;
import io.themodel.events.feedback.FeedbackParty;
import io.themodel.events.is.BantUpdated;
import io.themodel.events.is.CallListEntered;
import io.themodel.events.is.CallLogged;
import io.themodel.events.is.CallOutcome;
import io.themodel.events.is.Disqualified;
import io.themodel.events.is.IsStage;
import io.themodel.events.is.IsStageChanged;
import io.themodel.events.is.ProspectProfiled;
import io.themodel.events.is.Qualified;
import io.themodel.events.is.TossUpCondition;
import io.themodel.events.is.TossUpOverridden;
import io.themodel.events.is.TossUpRuleVersionActivated;
import io.themodel.events.is.TossUpRuleVersionCreated;
import io.themodel.events.is.TossedUp;
import io.themodel.events.lead.CompaniesMerged;
import io.themodel.events.lead.CompanyMatch;
import io.themodel.events.lead.CompanyResolved;
import io.themodel.events.lead.ExclusionReason;
import io.themodel.events.lead.LeadCaptured;
import io.themodel.events.lead.LeadExcluded;
import io.themodel.events.lead.LeadRecycled;
import io.themodel.events.lead.LeadReincluded;
import io.themodel.events.lead.LeadScored;
import io.themodel.events.lead.LeadSource;
import io.themodel.events.lead.LeadTouched;
import io.themodel.events.lead.LeadsMerged;
import io.themodel.events.lead.MarketingQualified;
import io.themodel.events.lead.Person;
import io.themodel.events.lead.RecycleKind;
import io.themodel.events.lead.ScoreBand;
import io.themodel.events.success.AdvocateMarked;
import io.themodel.events.success.ChurnRiskDetected;
import io.themodel.events.success.ChurnRiskRecovered;
import io.themodel.events.success.ChurnSignal;
import io.themodel.events.success.Churned;
import io.themodel.events.success.ContractExpanded;
import io.themodel.events.success.CustomerAccountOpened;
import io.themodel.events.success.CustomerOnboarded;
import io.themodel.events.success.ExpansionIdentified;
import io.themodel.events.success.HealthBand;
import io.themodel.events.success.HealthScored;
import io.themodel.events.success.OnboardingStepCompleted;
import io.themodel.events.success.ReferralMade;
import io.themodel.events.success.Renewed;
import io.themodel.events.success.UsageRecorded;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One typical event of every catalogued type, all on one journey. The {@code switch} is exhaustive,
 * so a new {@link EventType} does not compile until it has a typical event here.
 */
final class TypicalEvents {

  static final UUID LEAD = UUID.fromString("3f0c6c1e-5b7a-4d2e-9a61-0c2b7d8e4f10");
  static final UUID OPPORTUNITY = UUID.fromString("8a4e2d90-1c3b-4f5a-b6e7-2d9c0a1b3e4f");
  static final UUID ACCOUNT = UUID.fromString("c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f");
  static final UUID FEEDBACK = UUID.fromString("5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9");
  static final Instant OCCURRED_AT = Instant.parse("2026-04-01T09:30:00.123456Z");

  private static final EventCodec CODEC = new EventCodec();

  private TypicalEvents() {}

  static DomainEvent of(EventType type) {
    return switch (type) {
      case LEAD_CAPTURED ->
          new LeadCaptured(
              LEAD,
              LeadSource.SEMINAR,
              "spring-seminar-2026",
              new Person("山田 太郎", "taro.yamada@example.co.jp", "+81 3-1234-5678", "情報システム部 部長"),
              "株式会社サンプル",
              true);
      case MARKETING_QUALIFIED ->
          new MarketingQualified(
              LEAD,
              ScoreBand.MQL_HIGH,
              LeadSource.SEMINAR,
              Instant.parse("2026-04-02T09:30:00Z"),
              1);
      case CALL_LIST_ENTERED ->
          new CallListEntered(LEAD, LeadSource.SEMINAR, Instant.parse("2026-04-02T09:30:00Z"), 1);
      case TOSSED_UP ->
          new TossedUp(
              LEAD, OPPORTUNITY, "2026.1", "Budget approved for Q3, decision in May", "fs-tanaka");
      case OPPORTUNITY_OPENED ->
          new OpportunityOpened(
              LEAD,
              OPPORTUNITY,
              OpportunityKind.NEW_BUSINESS,
              "fs-tanaka",
              "Budget approved for Q3, decision in May");
      case TOSS_UP_ACCEPTED -> new TossUpAccepted(LEAD, OPPORTUNITY, "fs-tanaka");
      case DEAL_WON ->
          new DealWon(
              LEAD,
              OPPORTUNITY,
              new Money(new BigDecimal("48000.50"), "EUR"),
              LocalDate.parse("2026-06-01"),
              12);
      case CUSTOMER_ONBOARDED ->
          new CustomerOnboarded(
              LEAD,
              ACCOUNT,
              OPPORTUNITY,
              new Money(new BigDecimal("48000.50"), "EUR"),
              LocalDate.parse("2026-06-01"),
              12);
      case LEAD_RECYCLED ->
          new LeadRecycled(
              LEAD, RecycleKind.B, OPPORTUNITY, "io.themodel.deal.DealLost.v1", "PRICE");
      case COMPANY_RESOLVED ->
          new CompanyResolved(
              LEAD,
              UUID.fromString("5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"),
              "ppt商事",
              CompanyMatch.ALIAS);
      case LEAD_TOUCHED ->
          new LeadTouched(
              LEAD,
              UUID.fromString("7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"),
              LeadSource.DOWNLOAD,
              "whitepaper-2026");
      case LEAD_EXCLUDED ->
          new LeadExcluded(LEAD, ExclusionReason.COMPETITOR, "competitor.example");
      case LEAD_REINCLUDED ->
          new LeadReincluded(LEAD, "mk-ito", "partner, not a competitor any more");
      case LEAD_SCORED -> new LeadScored(LEAD, 30, 55, "SEMINAR_ATTENDED", ScoreBand.MQL_HIGH);
      case LEADS_MERGED ->
          new LeadsMerged(
              LEAD,
              UUID.fromString("7b1d2c3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e"),
              UUID.fromString("5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"),
              "mkt-sato",
              "the same person, registered twice");
      case COMPANIES_MERGED ->
          new CompaniesMerged(
              UUID.fromString("5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"),
              UUID.fromString("9d8c7b6a-5f4e-4d3c-a2b1-0f9e8d7c6b5a"),
              "mkt-sato",
              null);
      case DISQUALIFIED -> new Disqualified(LEAD, "no budget this fiscal year", "is-suzuki");
      case CALL_LOGGED ->
          new CallLogged(
              LEAD,
              CallOutcome.CONTACTED_KEY_PERSON,
              "is-suzuki",
              "Excel and e-mail, 40 sales reps",
              "call again after the budget meeting");
      case IS_STAGE_CHANGED -> new IsStageChanged(LEAD, IsStage.A, IsStage.C);
      case BANT_UPDATED ->
          new BantUpdated(LEAD, false, true, true, true, "budget decided in May", "is-suzuki");
      case QUALIFIED -> new Qualified(LEAD, "NEED+TIMELINE", "is-suzuki");
      case PROSPECT_PROFILED ->
          new ProspectProfiled(
              LEAD,
              new Money(new BigDecimal("1200000000.00"), "JPY"),
              350,
              "MANUFACTURING",
              LocalDate.parse("2026-10-01"),
              "is-suzuki");
      case TOSS_UP_RULE_VERSION_CREATED ->
          new TossUpRuleVersionCreated(
              "2026.1",
              List.of(
                  new TossUpCondition(
                      "COMPANY_REVENUE", new BigDecimal("1000000000.00"), null, "JPY", List.of()),
                  new TossUpCondition("BANT", null, null, null, List.of("NEED", "TIMELINE"))),
              List.of(new TossUpCondition("INDUSTRY", null, null, null, List.of("EDUCATION"))),
              "is-manager");
      case TOSS_UP_RULE_VERSION_ACTIVATED -> new TossUpRuleVersionActivated("2026.1", "is-manager");
      case TOSS_UP_OVERRIDDEN ->
          new TossUpOverridden(
              LEAD,
              OPPORTUNITY,
              "2026.1",
              List.of("conditions[0] COMPANY_REVENUE"),
              "group company of an existing customer",
              "is-suzuki");
      case TOSS_UP_REJECTED ->
          new TossUpRejected(
              LEAD, OPPORTUNITY, "NO_DECISION_MAKER", "Met IT staff, not the CIO", "fs-tanaka");
      case DEAL_LOST ->
          new DealLost(LEAD, OPPORTUNITY, "COMPETITOR", "Competitor KK", "lost on price");
      case DEAL_STAGE_CHANGED ->
          new DealStageChanged(
              LEAD,
              OPPORTUNITY,
              DealStage.FIRST_PROPOSAL,
              DealStage.MAIN_PROPOSAL,
              new Money(new BigDecimal("48000.50"), "EUR"),
              LocalDate.parse("2026-06-30"),
              50,
              List.of(ExitCondition.BANT),
              "fs-tanaka");
      case TARGET_SET ->
          new TargetSet(
              "2026-Q2",
              null,
              null,
              new Money(new BigDecimal("152540000.00"), "JPY"),
              "fs-manager");
      case RENEWED ->
          new Renewed(
              LEAD,
              ACCOUNT,
              LocalDate.parse("2027-06-01"),
              12,
              new Money(new BigDecimal("52000.00"), "EUR"));
      case CHURNED -> new Churned(LEAD, ACCOUNT, "moved to an in-house tool");
      case EXPANSION_IDENTIFIED ->
          new ExpansionIdentified(
              LEAD,
              ACCOUNT,
              OPPORTUNITY,
              OpportunityKind.UPSELL,
              new Money(new BigDecimal("12000.00"), "EUR"),
              "30 more seats in Osaka");
      case REFERRAL_MADE ->
          new ReferralMade(
              LEAD,
              ACCOUNT,
              OPPORTUNITY,
              "ピー・ピー・ティー商事",
              new Person("佐藤 花子", "hanako.sato@example.jp", null, null));
      case CUSTOMER_ACCOUNT_OPENED ->
          new CustomerAccountOpened(
              LEAD,
              ACCOUNT,
              OPPORTUNITY,
              new Money(new BigDecimal("48000.50"), "EUR"),
              LocalDate.parse("2026-06-01"),
              12,
              List.of("kickoff", "admin-training", "first-import"));
      case ONBOARDING_STEP_COMPLETED ->
          new OnboardingStepCompleted(LEAD, ACCOUNT, "kickoff", "cs-watanabe");
      case ADVOCATE_MARKED ->
          new AdvocateMarked(LEAD, ACCOUNT, "cs-watanabe", "speaks at the autumn user conference");
      case USAGE_RECORDED ->
          new UsageRecorded(LEAD, ACCOUNT, LocalDate.parse("2026-06-15"), 42, 97, "reports", 1, 9);
      case HEALTH_SCORED ->
          new HealthScored(
              LEAD,
              ACCOUNT,
              LocalDate.parse("2026-06-15"),
              62,
              HealthBand.WATCH,
              new HealthScored.Components(70, 80, 40, 30));
      case CHURN_RISK_DETECTED ->
          new ChurnRiskDetected(
              LEAD,
              ACCOUNT,
              LocalDate.parse("2026-06-15"),
              62,
              List.of(ChurnSignal.USAGE_DROP, ChurnSignal.DETRACTOR_NPS));
      case CHURN_RISK_RECOVERED ->
          new ChurnRiskRecovered(LEAD, ACCOUNT, LocalDate.parse("2026-07-01"), 81);
      case CONTRACT_EXPANDED ->
          new ContractExpanded(
              LEAD,
              ACCOUNT,
              UUID.fromString("7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f"),
              new Money(new BigDecimal("600000.00"), "JPY"),
              new Money(new BigDecimal("3000000.00"), "JPY"));
      case FEEDBACK_GIVEN ->
          new FeedbackGiven(
              FEEDBACK,
              Department.DEAL,
              FeedbackParty.INSIDE_SALES,
              LEAD,
              null,
              FeedbackCategory.HANDOFF_INFORMATION,
              "訪問結果とトスアップコメントの乖離",
              "The handoff said budget approved; the visit found no budget before April.",
              "fs-tanaka");
      case FEEDBACK_ACKNOWLEDGED ->
          new FeedbackAcknowledged(
              FEEDBACK, Department.IS, LEAD, "is-suzuki", "Will check BANT budget questions");
      case FEEDBACK_ACTED_ON ->
          new FeedbackActedOn(
              FEEDBACK,
              Department.IS,
              LEAD,
              "is-suzuki",
              "Budget is now confirmed with the decision maker before a toss-up");
    };
  }

  /** The typical event's {@code data}, as a tree a test may break. */
  static ObjectNode dataOf(EventType type) {
    return (ObjectNode) CODEC.toData(of(type));
  }

  /** The envelope a producer would publish around {@code data} of this type. */
  static CloudEvent envelope(EventType type, JsonNode data) {
    return CODEC.envelope(
        EventType.departmentOf(of(type)),
        type,
        UUID.fromString("0b9e8d7c-6a5f-4e3d-9c2b-1a0f9e8d7c6b"),
        LEAD.toString(),
        OCCURRED_AT,
        UUID.fromString("11111111-2222-4333-8444-555555555555"),
        UUID.fromString("66666666-7777-4888-9999-aaaaaaaaaaaa"),
        LEAD,
        of(type).accountId(),
        data);
  }

  /** The record value a producer would publish for the typical event of this type. */
  static String recordValue(EventType type) {
    return CODEC.write(envelope(type, CODEC.toData(of(type))));
  }
}
