package io.themodel.events;

import java.util.UUID;

/**
 * Something that happened in one department, published for the others. Every event belongs to one
 * customer journey, keyed by the lead it started from, so one customer's events stay in order. Each
 * department's events form a sealed family ({@code LeadEvent}, {@code IsEvent}, {@code DealEvent},
 * {@code SuccessEvent}), so folding them with {@code switch} is checked by the compiler.
 */
public interface DomainEvent {

  /**
   * The journey key: the lead this event belongs to (the Kafka record key). Null only for events
   * about no single journey (a revenue target, say); their record key is their stream id.
   */
  UUID leadId();

  /** The customer account, once there is one. */
  default UUID accountId() {
    return null;
  }
}
