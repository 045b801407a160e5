package io.themodel.events.is;

/**
 * What a call by Inside Sales reached. A connect (コネクト) reached someone at the company; a contact
 * (コンタクト) reached the person in charge or a key person.
 */
public enum CallOutcome {
  /** Nobody answered. */
  NO_ANSWER,
  /** Reached the reception (a connect). */
  CONNECTED_RECEPTION,
  /** Reached the person in charge or a key person (a connect and a contact). */
  CONTACTED_KEY_PERSON,
  /** Someone answered and asked to be called back (a connect). */
  CALL_BACK_REQUESTED,
  /** Someone answered and declined (a connect). */
  NOT_INTERESTED,
  /** The number does not belong to the lead. */
  WRONG_NUMBER;

  /** Whether the call reached someone at the company (counts as a connect). */
  public boolean connects() {
    return this != NO_ANSWER && this != WRONG_NUMBER;
  }

  /** Whether the call reached the person in charge or a key person (counts as a contact). */
  public boolean contacts() {
    return this == CONTACTED_KEY_PERSON;
  }
}
