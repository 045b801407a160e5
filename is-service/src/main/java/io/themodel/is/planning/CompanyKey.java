package io.themodel.is.planning;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A key that makes spellings of one company equal (株式会社PPT, (株)ＰＰＴ, P P T): width folded, case
 * folded, legal-form words, spaces and punctuation removed. A stopgap until Marketing's golden
 * master publishes company ids; it does not read katakana readings.
 */
public final class CompanyKey {

  private static final Pattern LEGAL_FORMS =
      Pattern.compile(
          "株式会社|有限会社|合同会社|商事|\\(株\\)|㈱|\\(有\\)|\\binc\\b|\\bltd\\b|\\bco\\b|\\bcorp\\b|\\bkk\\b");
  private static final Pattern NOISE = Pattern.compile("[\\p{P}\\p{S}\\p{Z}\\s・]+");

  private CompanyKey() {}

  public static String of(String companyName) {
    String folded =
        Normalizer.normalize(companyName, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return NOISE.matcher(LEGAL_FORMS.matcher(folded).replaceAll("")).replaceAll("");
  }
}
