package io.themodel.lead.identity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a company name as entered into the golden master's key: NFKC (full-width and half-width
 * alike), lower case, legal-form words and abbreviations before or after the name (株式会社, (株), ㈱,
 * 有限会社, Co., Ltd., Inc., K.K. …) dropped, spaces, middle dots and punctuation dropped, and known
 * readings replaced by their canonical spelling (ピーピーティー → ppt). Pure and idempotent: a key
 * normalises to itself.
 */
public final class CompanyNameNormaliser {

  /** Japanese legal forms, removed wherever they stand in the name. */
  private static final List<String> JAPANESE_LEGAL_FORMS =
      List.of("株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "一般社団法人", "一般財団法人");

  /** Their bracketed abbreviations, as NFKC leaves them: (株), (有), (同), (資), (名), (社), (財). */
  private static final Pattern BRACKETED_ABBREVIATION = Pattern.compile("\\((株|有|同|資|名|社|財)\\)");

  /** Latin legal forms as word sequences; only dropped at the start or the end of the name. */
  private static final List<List<String>> LATIN_LEGAL_FORMS =
      List.of(
          List.of("kabushiki", "kaisha"),
          List.of("kabushikigaisha"),
          List.of("co", "ltd"),
          List.of("k", "k"),
          List.of("kk"),
          List.of("co"),
          List.of("ltd"),
          List.of("limited"),
          List.of("inc"),
          List.of("incorporated"),
          List.of("corp"),
          List.of("corporation"),
          List.of("llc"),
          List.of("gk"));

  private static final int MAX_PASSES = 8;

  /** Reading (already normalised) → canonical key, longest reading first. */
  private final Map<String, String> aliases;

  /** The same normaliser without readings, or null when there are none. */
  private final CompanyNameNormaliser plain;

  /** A normaliser without readings. */
  public CompanyNameNormaliser() {
    this.aliases = Map.of();
    this.plain = null;
  }

  /**
   * A normaliser with a reading/alias table (e.g. {@code ピーピーティー → PPT}); both sides are normalised
   * first, so the table may be written in any spelling.
   *
   * @throws IllegalArgumentException when a side normalises to nothing
   */
  public CompanyNameNormaliser(Map<String, String> readings) {
    CompanyNameNormaliser plain = new CompanyNameNormaliser();
    Map<String, String> normalised = new LinkedHashMap<>();
    readings.entrySet().stream()
        .map(e -> Map.entry(plain.normalise(e.getKey()), plain.normalise(e.getValue())))
        .sorted(
            Comparator.comparing((Map.Entry<String, String> e) -> e.getKey().length())
                .reversed()
                .thenComparing(Map.Entry::getKey))
        .forEach(
            e -> {
              if (e.getKey().isEmpty() || e.getValue().isEmpty()) {
                throw new IllegalArgumentException("a reading and its spelling must not be empty");
              }
              normalised.put(e.getKey(), e.getValue());
            });
    this.aliases = normalised;
    this.plain = plain;
  }

  /** The key of this name; empty when the name holds nothing but punctuation and spaces. */
  public String normalise(String name) {
    String current = name == null ? "" : name;
    // Each pass may uncover something the previous one could not see (a legal form split by a
    // space, a reading next to a bracket); repeating until nothing changes makes the key a fixed
    // point, so normalising a key gives the key.
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      String next = pass(current);
      if (next.equals(current)) {
        return next;
      }
      current = next;
    }
    return current;
  }

  /** Whether the alias table changed this name's key (the company matched by its reading). */
  public boolean matchesThroughAlias(String name) {
    return plain != null && !plain.normalise(name).equals(normalise(name));
  }

  private String pass(String input) {
    String text = Normalizer.normalize(input, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    text = Normalizer.normalize(text, Normalizer.Form.NFKC);
    text = BRACKETED_ABBREVIATION.matcher(text).replaceAll(" ");
    List<String> words = words(text);
    words = withoutLatinLegalForms(words);
    String joined = String.join("", words);
    joined = withoutJapaneseLegalForms(joined);
    for (Map.Entry<String, String> alias : aliases.entrySet()) {
      joined = joined.replace(alias.getKey(), alias.getValue());
    }
    return joined;
  }

  /** Letters, digits and marks make words; everything else (spaces, ・, punctuation) separates. */
  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              if (isWordChar(cp)) {
                word.appendCodePoint(cp);
              } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
              }
            });
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  private static boolean isWordChar(int cp) {
    int type = Character.getType(cp);
    return Character.isLetterOrDigit(cp)
        || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static List<String> withoutLatinLegalForms(List<String> words) {
    List<String> remaining = new ArrayList<>(words);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (List<String> form : LATIN_LEGAL_FORMS) {
        // never drop the last word: "Co." alone is a (strange) name, not nothing
        if (remaining.size() > form.size() && startsWith(remaining, form)) {
          remaining = new ArrayList<>(remaining.subList(form.size(), remaining.size()));
          changed = true;
        } else if (remaining.size() > form.size() && endsWith(remaining, form)) {
          remaining = new ArrayList<>(remaining.subList(0, remaining.size() - form.size()));
          changed = true;
        }
      }
    }
    return remaining;
  }

  private static boolean startsWith(List<String> words, List<String> form) {
    return words.subList(0, form.size()).equals(form);
  }

  private static boolean endsWith(List<String> words, List<String> form) {
    return words.subList(words.size() - form.size(), words.size()).equals(form);
  }

  private static String withoutJapaneseLegalForms(String name) {
    String current = name;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String form : JAPANESE_LEGAL_FORMS) {
        if (current.contains(form)) {
          current = current.replace(form, "");
          changed = true;
        }
      }
    }
    // a name that is nothing but a legal form keeps it rather than becoming nothing
    return current.isEmpty() ? name : current;
  }
}
