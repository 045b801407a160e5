package io.themodel.events.lead;

import java.util.UUID;

/**
 * A person merged two companies of the golden master (ゴールデンマスタ): {@code absorbedCompanyId} was the
 * same company as {@code companyId}, the survivor. Every spelling and email domain of the absorbed
 * company now resolves to the survivor and its leads belong to it; later events carry the
 * survivor's id. About no single lead: {@code leadId()} is null and the record is keyed by its
 * stream id.
 */
public record CompaniesMerged(UUID companyId, UUID absorbedCompanyId, String by, String note)
    implements LeadEvent {

  @Override
  public UUID leadId() {
    return null;
  }
}
