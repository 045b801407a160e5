package io.themodel.success.customer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.themodel.events.success.CustomerAccountOpened;
import io.themodel.events.success.HealthBand;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Customer Success' current view of each customer account. */
@Entity
@Table(name = "customer_view")
public class CustomerView extends PanacheEntityBase {

  @Id public UUID accountId;
  public UUID leadId;
  public UUID opportunityId;

  @Enumerated(EnumType.STRING)
  public Customer.Status status;

  public BigDecimal contractValue;
  public String currency;
  public LocalDate contractStart;
  public int termMonths;
  public LocalDate contractEnd;
  public Instant openedAt;
  public Instant onboardedAt;
  public Instant renewedAt;
  public BigDecimal expansionValue;
  public Instant expandedAt;
  public Instant churnedAt;
  public String churnReason;
  public boolean advocate;
  public Integer healthScore;

  @Enumerated(EnumType.STRING)
  public HealthBand healthBand;

  public LocalDate scoredOn;
  public boolean atRisk;
  public String riskSignals;

  static CustomerView opened(CustomerAccountOpened event, Instant at) {
    CustomerView view = new CustomerView();
    view.accountId = event.accountId();
    view.leadId = event.leadId();
    view.opportunityId = event.opportunityId();
    view.status = Customer.Status.ONBOARDING;
    view.contractValue = event.contractValue().amount();
    view.currency = event.contractValue().currency();
    view.contractStart = event.contractStart();
    view.termMonths = event.termMonths();
    view.contractEnd = event.contractStart().plusMonths(event.termMonths());
    view.openedAt = at;
    view.expansionValue = BigDecimal.ZERO;
    return view;
  }
}
