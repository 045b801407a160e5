package io.themodel.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import io.themodel.events.lead.LeadCaptured;
import io.themodel.events.lead.LeadSource;
import io.themodel.events.lead.Person;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.web.api.Web;

/**
 * Whatever a person types into a form (Japanese names, emoji, quotes, line breaks) survives the
 * codec unchanged, and the schema accepts it as long as it is within the schema's lengths.
 */
class LeadCapturedPropertiesTest {

  private final EventCodec codec = new EventCodec();

  @Property(tries = 500)
  void a_captured_lead_round_trips_through_the_codec_losslessly(
      @ForAll("leadsCaptured") LeadCaptured lead) {
    String value = codec.write(TypicalEvents.envelope(EventType.LEAD_CAPTURED, codec.toData(lead)));

    assertThat(codec.decode(codec.read(value))).isEqualTo(lead);
  }

  @Property(tries = 500)
  void the_schema_accepts_every_captured_lead_within_its_lengths(
      @ForAll("leadsCaptured") LeadCaptured lead) {
    assertThat(codec.violations(EventType.LEAD_CAPTURED, codec.toData(lead))).isEmpty();
  }

  @Example
  void the_schema_counts_characters_not_utf16_units_so_a_name_of_200_kanji_outside_the_bmp_fits() {
    String name = "𠮷".repeat(200);
    LeadCaptured lead =
        new LeadCaptured(
            TypicalEvents.LEAD,
            LeadSource.WEB_FORM,
            null,
            new Person(name, "yoshi@例え.jp", null, null),
            "𠮷野家",
            false);

    assertThat(name).hasSize(400);
    assertThat(codec.violations(EventType.LEAD_CAPTURED, codec.toData(lead))).isEmpty();
    assertThat(codec.violations(EventType.LEAD_CAPTURED, codec.toData(withName(lead, name + "𠮷"))))
        .singleElement(STRING)
        .contains("$.person.name");
  }

  private static LeadCaptured withName(LeadCaptured lead, String name) {
    Person p = lead.person();
    return new LeadCaptured(
        lead.leadId(),
        lead.source(),
        lead.campaign(),
        new Person(name, p.email(), p.phone(), p.title()),
        lead.companyName(),
        lead.consent());
  }

  @Provide
  Arbitrary<LeadCaptured> leadsCaptured() {
    Arbitrary<Person> people =
        Combinators.combine(
                text(200), emails(), phones().injectNull(0.3), text(200).injectNull(0.3))
            .as(Person::new);
    return Combinators.combine(
            uuids(),
            Arbitraries.of(LeadSource.class),
            text(200).injectNull(0.3),
            people,
            text(300),
            Arbitraries.of(true, false))
        .as(LeadCaptured::new);
  }

  private static Arbitrary<UUID> uuids() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
  }

  private static Arbitrary<String> emails() {
    Arbitrary<String> japaneseEmails =
        Combinators.combine(text(60), Arbitraries.of("例え.jp", "example.co.jp", "サンプル.com"))
            .as((local, domain) -> local + "@" + domain);
    return Arbitraries.oneOf(Web.emails(), japaneseEmails);
  }

  private static Arbitrary<String> phones() {
    return Arbitraries.strings()
        .withChars("0123456789+-() ")
        .withCharRange('０', '９')
        .ofMinLength(1)
        .ofMaxLength(50);
  }

  /**
   * Unicode text of 1 to {@code maxLength} characters (code points, as JSON Schema counts them):
   * ASCII with JSON's escapes, Latin, kana, kanji, kanji outside the BMP (𠮷) and emoji.
   */
  private static Arbitrary<String> text(int maxLength) {
    Arbitrary<Integer> codePoint =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.integers().between(0x20, 0x7e)),
            Tuple.of(1, Arbitraries.of(0x09, 0x0a, 0x0d, 0x22, 0x5c, 0x2f, 0x00, 0x7f)),
            Tuple.of(1, Arbitraries.integers().between(0xa0, 0x24f)),
            Tuple.of(3, Arbitraries.integers().between(0x3000, 0x30ff)),
            Tuple.of(3, Arbitraries.integers().between(0x4e00, 0x9fff)),
            Tuple.of(1, Arbitraries.integers().between(0xff01, 0xff9f)),
            Tuple.of(1, Arbitraries.integers().between(0x20000, 0x2a6df)),
            Tuple.of(1, Arbitraries.integers().between(0x1f300, 0x1f64f)));
    return codePoint
        .list()
        .ofMinSize(1)
        .ofMaxSize(maxLength)
        .map(LeadCapturedPropertiesTest::string);
  }

  private static String string(List<Integer> codePoints) {
    return new String(
        codePoints.stream().mapToInt(Integer::intValue).toArray(), 0, codePoints.size());
  }
}
