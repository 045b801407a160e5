package io.themodel.is.planning;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;

/** One line of a day's call list: which rep calls which lead, in which order. */
@Entity
@Table(name = "planned_call")
@IdClass(PlannedCall.Key.class)
public class PlannedCall extends PanacheEntityBase {

  /** A lead is on a day's list once. */
  public record Key(LocalDate day, UUID leadId) implements Serializable {
    public Key() {
      this(null, null);
    }
  }

  @Id public LocalDate day;
  @Id public UUID leadId;
  public String rep;
  public int position;
}
