package io.themodel.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The codec's own instant reader gives what Jackson's gives: the same instant for every text it
 * reads itself, and every other text is left to Jackson's reader. Its writer writes what Jackson's
 * writes ({@link Instant#toString()}), for every instant.
 */
class UtcInstantPropertiesTest {

  private static final ObjectMapper JACKSON =
      new ObjectMapper().registerModule(new JavaTimeModule());
  private static final ObjectMapper JACKSON_WRITING_TEXT =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private static final ObjectMapper OURS =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .registerModule(
              new SimpleModule()
                  .addDeserializer(Instant.class, new UtcInstantDeserializer())
                  .addSerializer(Instant.class, new UtcInstantSerializer()));

  @Property(tries = 2000)
  void every_instant_as_instant_to_string_writes_it_reads_back_as_itself(
      @ForAll("instants") Instant instant) {
    assertThat(UtcInstantDeserializer.parseUtc(instant.toString())).isEqualTo(instant);
  }

  @Property(tries = 2000)
  void every_instant_is_written_as_jacksons_writer_writes_it(@ForAll("instants") Instant instant)
      throws Exception {
    assertThat(UtcInstantSerializer.formatUtc(instant)).isEqualTo(instant.toString());
    assertThat(OURS.writeValueAsString(instant))
        .isEqualTo(JACKSON_WRITING_TEXT.writeValueAsString(instant));
  }

  @Example
  void instants_outside_the_four_digit_years_are_written_as_to_string_writes_them()
      throws Exception {
    for (Instant instant :
        new Instant[] {
          Instant.MIN,
          Instant.MAX,
          Instant.parse("0000-01-01T00:00:00Z").minusNanos(1),
          Instant.parse("9999-12-31T23:59:59.999999999Z").plusNanos(1),
          Instant.EPOCH.minusSeconds(1)
        }) {
      assertThat(OURS.writeValueAsString(instant))
          .as(instant.toString())
          .isEqualTo(JACKSON_WRITING_TEXT.writeValueAsString(instant));
    }
  }

  @Property(tries = 2000)
  void any_fraction_of_one_to_nine_digits_reads_as_instant_parse_reads_it(
      @ForAll("utcTexts") String text) {
    assertThat(UtcInstantDeserializer.parseUtc(text)).isEqualTo(Instant.parse(text));
  }

  @Property(tries = 3000)
  void a_text_with_one_character_changed_is_read_as_jackson_reads_it_or_refused_as_it_refuses_it(
      @ForAll("mutatedTexts") String text) {
    Instant fast = UtcInstantDeserializer.parseUtc(text);
    if (fast != null) {
      assertThat(fast).isEqualTo(Instant.parse(text));
    }
    assertThat(read(OURS, text)).isEqualTo(read(JACKSON, text));
  }

  @Example
  void offsets_leap_seconds_numbers_and_other_forms_are_left_to_jackson() {
    for (String json :
        new String[] {
          "\"2026-12-06T23:02:28+01:00\"",
          "\"2026-12-31T23:59:60Z\"",
          "\"+12026-12-06T23:02:28Z\"",
          "\"2026-12-06T23:02:28.Z\"",
          "\"2026-02-30T10:00:00Z\"",
          "\" 2026-12-06T23:02:28Z \"",
          "\"\"",
          "1733526148",
          "1733526148.5"
        }) {
      assertThat(readJson(OURS, json)).as(json).isEqualTo(readJson(JACKSON, json));
    }
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Combinators.combine(
            Arbitraries.longs()
                .between(
                    Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond()),
            Arbitraries.oneOf(
                Arbitraries.just(0),
                Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000),
                Arbitraries.integers().between(0, 999_999_999)))
        .as(Instant::ofEpochSecond);
  }

  @Provide
  Arbitrary<String> utcTexts() {
    return Combinators.combine(
            instants(), Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(9))
        .as((instant, fraction) -> instant.toString().substring(0, 19) + "." + fraction + "Z");
  }

  @Provide
  Arbitrary<String> mutatedTexts() {
    return Combinators.combine(
            utcTexts(),
            Arbitraries.integers().between(0, 29),
            Arbitraries.of('0', '1', '2', '3', '5', '9', '-', ':', 'T', 'Z', '.', '+', ' ', 'x'))
        .as(
            (text, at, c) -> {
              int i = at % text.length();
              return text.substring(0, i) + c + text.substring(i + 1);
            });
  }

  /** The instant a mapper reads from a JSON string, or the kind of failure it reports. */
  private static Object read(ObjectMapper mapper, String text) {
    return readJson(mapper, "\"" + text + "\"");
  }

  private static Object readJson(ObjectMapper mapper, String json) {
    try {
      return mapper.readValue(json, Instant.class);
    } catch (Exception refused) {
      return refused.getClass();
    }
  }
}
