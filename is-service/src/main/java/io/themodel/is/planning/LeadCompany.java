package io.themodel.is.planning;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The company a lead was captured for (Marketing's LeadCaptured), keyed for the call list. */
@Entity
@Table(name = "lead_company")
public class LeadCompany extends PanacheEntityBase {

  @Id public UUID leadId;
  public String companyName;
  public String companyKey;

  public static void record(UUID leadId, String companyName) {
    if (companyName == null || companyName.isBlank() || findById(leadId) != null) {
      return;
    }
    LeadCompany company = new LeadCompany();
    company.leadId = leadId;
    company.companyName = companyName;
    company.companyKey = CompanyKey.of(companyName);
    company.persist();
  }
}
