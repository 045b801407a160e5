package io.themodel.platform.store;

/**
 * Another command appended to the same stream first: nothing was written, the caller may reload and
 * retry. The REST layer answers 409.
 */
public class ConcurrencyConflict extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConcurrencyConflict(String streamId, long expectedVersion) {
    super("stream " + streamId + " changed after version " + expectedVersion);
  }
}
