package io.themodel.events.deal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * Field Sales' deal stages from the stage table, written as the table writes them: E (初回提案 first
 * proposal), 1 (本提案 main proposal), 2 (クロージング closing), 3 (成約 won).
 */
public enum DealStage {
  FIRST_PROPOSAL("E"),
  MAIN_PROPOSAL("1"),
  CLOSING("2"),
  WON("3");

  private final String code;

  DealStage(String code) {
    this.code = code;
  }

  /** The stage table's name for the stage: E, 1, 2 or 3. */
  @JsonValue
  public String code() {
    return code;
  }

  /** The stage of a code (E, 1, 2, 3) or of a name ({@code FIRST_PROPOSAL}, {@code closing}). */
  @JsonCreator
  public static DealStage of(String value) {
    String name = value == null ? "" : value.replace('-', '_');
    return Arrays.stream(values())
        .filter(s -> s.code.equalsIgnoreCase(name) || s.name().equalsIgnoreCase(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a deal stage (E, 1, 2, 3): " + value));
  }
}
