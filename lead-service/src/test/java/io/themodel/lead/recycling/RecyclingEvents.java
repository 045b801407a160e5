package io.themodel.lead.recycling;

import io.themodel.events.deal.DealLost;
import io.themodel.events.is.Disqualified;
import io.themodel.events.lead.Person;
import io.themodel.events.success.Churned;
import io.themodel.events.success.ReferralMade;
import java.util.UUID;

/** Builders for the other departments' events Marketing consumes, which TestEvents lacks. */
final class RecyclingEvents {

  private RecyclingEvents() {}

  static Disqualified disqualified(UUID leadId) {
    return new Disqualified(leadId, "no budget this fiscal year", "is-suzuki");
  }

  static DealLost dealLost(UUID leadId) {
    return new DealLost(leadId, UUID.randomUUID(), "PRICE", "Rival KK", "lost on price");
  }

  static Churned churned(UUID leadId) {
    return new Churned(leadId, UUID.randomUUID(), "moved to an in-house tool");
  }

  static ReferralMade referralMade(UUID referrerLeadId, UUID referralId, String email) {
    return new ReferralMade(
        referrerLeadId,
        UUID.randomUUID(),
        referralId,
        "ピー・ピー・ティー商事",
        new Person("佐藤 花子", email, null, null));
  }
}
