package io.themodel.deal.opportunity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.themodel.events.deal.DealLost;
import io.themodel.events.deal.DealStage;
import io.themodel.events.deal.DealStageChanged;
import io.themodel.events.deal.DealWon;
import io.themodel.events.deal.OpportunityKind;
import io.themodel.events.deal.OpportunityOpened;
import io.themodel.events.deal.TossUpAccepted;
import io.themodel.events.deal.TossUpRejected;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Field Sales' current view of each opportunity, updated with the events that move it. */
@Entity
@Table(name = "opportunity_view")
public class OpportunityView extends PanacheEntityBase {

  @Id public UUID opportunityId;
  public UUID leadId;

  @Enumerated(EnumType.STRING)
  public OpportunityKind kind;

  @Enumerated(EnumType.STRING)
  public Opportunity.Status status;

  public String assignedRep;
  public String handoffComment;
  public Instant openedAt;
  public String acceptedBy;
  public Instant acceptedAt;
  public BigDecimal amount;
  public String currency;
  public LocalDate contractStart;
  public Integer termMonths;
  public Instant wonAt;
  public String rejectionReason;
  public String handoffGap;
  public String rejectedBy;
  public Instant rejectedAt;

  @Convert(converter = DealStageColumn.class)
  public DealStage stage;

  public LocalDate expectedCloseDate;
  public Integer probability;
  public Instant stageChangedAt;
  public String lossReason;
  public String competitor;
  public String lossNote;
  public Instant lostAt;

  static OpportunityView opened(OpportunityOpened event, Instant at) {
    OpportunityView view = new OpportunityView();
    view.opportunityId = event.opportunityId();
    view.leadId = event.leadId();
    view.kind = event.kind();
    view.status =
        event.kind() == OpportunityKind.NEW_BUSINESS
            ? Opportunity.Status.AWAITING_ACCEPTANCE
            : Opportunity.Status.VALID;
    view.assignedRep = event.assignedRep();
    view.handoffComment = event.handoffComment();
    view.openedAt = at;
    return view;
  }

  void accepted(TossUpAccepted event, Instant at) {
    status = Opportunity.Status.VALID;
    acceptedBy = event.acceptedBy();
    acceptedAt = at;
  }

  void rejected(TossUpRejected event, Instant at) {
    status = Opportunity.Status.REJECTED;
    rejectionReason = event.reason();
    handoffGap = event.handoffGap();
    rejectedBy = event.rejectedBy();
    rejectedAt = at;
  }

  void stageChanged(DealStageChanged event, Instant at) {
    stage = event.to();
    amount = event.amount().amount();
    currency = event.amount().currency();
    expectedCloseDate = event.expectedCloseDate();
    probability = event.probability();
    stageChangedAt = at;
  }

  void lost(DealLost event, Instant at) {
    status = Opportunity.Status.LOST;
    lossReason = event.reason();
    competitor = event.competitor();
    lossNote = event.note();
    lostAt = at;
  }

  void won(DealWon event, Instant at) {
    status = Opportunity.Status.WON;
    stage = DealStage.WON;
    amount = event.amount().amount();
    currency = event.amount().currency();
    contractStart = event.contractStart();
    termMonths = event.termMonths();
    wonAt = at;
  }

  /** Stores a stage as the stage table writes it: E, 1, 2, 3. */
  @jakarta.persistence.Converter
  public static class DealStageColumn implements AttributeConverter<DealStage, String> {
    @Override
    public String convertToDatabaseColumn(DealStage stage) {
      return stage == null ? null : stage.code();
    }

    @Override
    public DealStage convertToEntityAttribute(String code) {
      return code == null ? null : DealStage.of(code);
    }
  }
}
