package io.themodel.bench;

/**
 * One line of the results: a figure of the project next to its raw reference measured in the same
 * run (null where there is none), their ratio, and the target for it.
 *
 * @param benchmark ingest, relay, replay, end-to-end or footprint
 * @param figure what was measured, e.g. "commands/s at 32 clients"
 * @param value the project's figure
 * @param unit its unit
 * @param reference the raw reference's figure, or null
 * @param target the target in words, or null
 * @param met whether the target is met, or null without a target
 */
record Row(
    String benchmark,
    String figure,
    double value,
    String unit,
    Double reference,
    String target,
    Boolean met) {

  /** {@code value / reference}, or null without a reference or without a value. */
  Double ratio() {
    return reference == null || reference == 0 || Double.isNaN(value) ? null : value / reference;
  }

  static Row of(String benchmark, String figure, double value, String unit) {
    return new Row(benchmark, figure, value, unit, null, null, null);
  }

  /** With a reference; NaN (a reference that could not be measured) leaves it out. */
  Row reference(double reference) {
    if (Double.isNaN(reference)) {
      return this;
    }
    return new Row(benchmark, figure, value, unit, reference, target, met);
  }

  Row target(String target, boolean met) {
    return new Row(benchmark, figure, value, unit, reference, target, met);
  }
}
