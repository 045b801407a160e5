package io.themodel.deal.forecast;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.themodel.events.deal.TargetSet;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** The current revenue target of each period and scope (all, a team, a rep). */
@Entity
@Table(name = "target_view")
public class TargetView extends PanacheEntityBase {

  @Id public String targetId;
  public String period;
  public String team;
  public String rep;
  public BigDecimal amount;
  public String currency;
  public String setBy;
  public Instant setAt;

  static void apply(String targetId, TargetSet event, Instant at) {
    TargetView view = TargetView.findById(targetId);
    if (view == null) {
      view = new TargetView();
      view.targetId = targetId;
      view.period = event.period();
      view.team = event.team();
      view.rep = event.rep();
    }
    view.amount = event.amount().amount();
    view.currency = event.amount().currency();
    view.setBy = event.setBy();
    view.setAt = at;
    view.persist();
  }
}
