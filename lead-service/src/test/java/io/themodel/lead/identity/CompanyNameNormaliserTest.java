package io.themodel.lead.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CompanyNameNormaliserTest {

  private final CompanyNameNormaliser normaliser =
      new CompanyNameNormaliser(Map.of("ピーピーティー", "PPT"));

  /** Every way THE-MODEL.md and the issue spell the one company PPT. */
  private static final List<String> PPT_SPELLINGS =
      List.of(
          "PPT",
          "株式会社PPT",
          "(株)PPT",
          "（株）PPT",
          "㈱PPT",
          "ＰＰＴ",
          "P P T",
          "ピー・ピー・ティー",
          "ﾋﾟｰ･ﾋﾟｰ･ﾃｨｰ",
          "PPT株式会社",
          "PPT 株式会社",
          "ppt",
          "PPT Co., Ltd.",
          "PPT Inc.",
          "PPT Corporation",
          "PPT Corp.",
          "PPT K.K.",
          "有限会社PPT",
          "PPT(有)",
          "合同会社 PPT",
          "Ｐ・Ｐ・Ｔ");

  @Example
  void every_listed_spelling_of_one_company_has_the_same_key() {
    assertThat(PPT_SPELLINGS).extracting(normaliser::normalise).containsOnly("ppt");
  }

  @Example
  void the_name_beside_the_legal_form_is_kept_as_part_of_the_key() {
    assertThat(List.of("ＰＰＴ商事", "P P T 商事", "ピー・ピー・ティー商事", "株式会社PPT商事", "(株)ＰＰＴ商事"))
        .extracting(normaliser::normalise)
        .containsOnly("ppt商事");
    assertThat(normaliser.normalise("PPT商事")).isNotEqualTo(normaliser.normalise("PPT"));
  }

  @Example
  void a_name_that_is_only_a_legal_form_is_not_reduced_to_nothing() {
    assertThat(normaliser.normalise("Co.")).isEqualTo("co");
    assertThat(normaliser.normalise("株式会社")).isEqualTo("株式会社");
    assertThat(normaliser.normalise("・・・ ")).isEmpty();
  }

  @Example
  void a_match_through_the_reading_table_is_told_apart_from_a_match_by_name() {
    assertThat(normaliser.matchesThroughAlias("ピー・ピー・ティー株式会社")).isTrue();
    assertThat(normaliser.matchesThroughAlias("株式会社PPT")).isFalse();
  }

  @Example
  void a_reading_that_normalises_to_nothing_is_refused() {
    assertThatThrownBy(() -> new CompanyNameNormaliser(Map.of("・", "PPT")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void every_spelling_of_one_company_maps_to_the_same_key(
      @ForAll("spellingsOfPpt") String spelling) {
    assertThat(normaliser.normalise(spelling)).isEqualTo("ppt");
  }

  @Property(tries = 2000)
  void normalising_is_idempotent(@ForAll("companyNames") String name) {
    String key = normaliser.normalise(name);

    assertThat(normaliser.normalise(key)).isEqualTo(key);
  }

  @Property
  void normalising_any_string_is_idempotent(@ForAll String name) {
    String key = normaliser.normalise(name);

    assertThat(normaliser.normalise(key)).isEqualTo(key);
  }

  /** PPT in any listed spelling, with a legal form before or after and extra spaces around. */
  @Provide
  Arbitrary<String> spellingsOfPpt() {
    Arbitrary<String> core =
        Arbitraries.of("PPT", "ＰＰＴ", "P P T", "ピー・ピー・ティー", "ppt", "Ｐ Ｐ Ｔ", "ﾋﾟｰﾋﾟｰﾃｨｰ");
    Arbitrary<String> before = Arbitraries.of("", "株式会社", "(株)", "㈱", "（株）", "有限会社", "(有)", "合同会社");
    Arbitrary<String> after =
        Arbitraries.of("", "株式会社", "(株)", " Co., Ltd.", " Inc.", " Corporation", " K.K.", " Corp");
    Arbitrary<String> space = Arbitraries.of("", " ", "　", "  ");
    return Combinators.combine(space, before, core, after, space)
        .as((s1, b, c, a, s2) -> s1 + b + s1 + c + a + s2);
  }

  /** Names made of the characters that matter here: legal forms, readings, widths, punctuation. */
  @Provide
  Arbitrary<String> companyNames() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.of(
                "株式会社",
                "株式",
                "会社",
                "(株)",
                "㈱",
                "(",
                ")",
                "（",
                "）",
                "有限会社",
                "(有)",
                "合同会社",
                "Co.",
                "Ltd.",
                "Inc",
                "Corp",
                "Corporation",
                "K.K.",
                "k",
                "K",
                "co",
                "ltd",
                "ピー",
                "ティー",
                "ピーピーティー",
                "・",
                "･",
                "ｰ",
                "ー",
                "ﾋﾟ",
                "ﾃｨ",
                " ",
                "　",
                ",",
                ".",
                "&",
                "-",
                "PPT",
                "ＰＰＴ",
                "商事",
                "İ",
                "ß",
                "ﬁ",
                "\u0301",
                "e",
                "a"),
            Arbitraries.strings().ofMinLength(1).ofMaxLength(3));
    return piece.list().ofMaxSize(8).map(parts -> String.join("", parts));
  }
}
