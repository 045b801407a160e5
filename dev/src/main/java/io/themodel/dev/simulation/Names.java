package io.themodel.dev.simulation;

import io.themodel.events.lead.LeadSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Made-up people and companies for simulated journeys. A journey's company, domain and mailbox are
 * derived from its number, so every journey is a company of its own and a person nobody else is
 * (marketing sees each as a new lead, and a referral is found again by its company name).
 */
final class Names {

  /** A person's name and the local part of their e-mail address. */
  record Person(String name, String mailbox) {}

  private static final List<String[]> FAMILY =
      List.of(
          new String[] {"佐藤", "sato"},
          new String[] {"鈴木", "suzuki"},
          new String[] {"高橋", "takahashi"},
          new String[] {"田中", "tanaka"},
          new String[] {"伊藤", "ito"},
          new String[] {"渡辺", "watanabe"},
          new String[] {"山本", "yamamoto"},
          new String[] {"中村", "nakamura"},
          new String[] {"小林", "kobayashi"},
          new String[] {"加藤", "kato"},
          new String[] {"吉田", "yoshida"},
          new String[] {"山田", "yamada"},
          new String[] {"佐々木", "sasaki"},
          new String[] {"松本", "matsumoto"},
          new String[] {"井上", "inoue"},
          new String[] {"木村", "kimura"});
  private static final List<String[]> GIVEN =
      List.of(
          new String[] {"美咲", "misaki"},
          new String[] {"健太", "kenta"},
          new String[] {"直樹", "naoki"},
          new String[] {"由美", "yumi"},
          new String[] {"翔", "sho"},
          new String[] {"彩", "aya"},
          new String[] {"大輔", "daisuke"},
          new String[] {"恵", "megumi"},
          new String[] {"誠", "makoto"},
          new String[] {"陽菜", "hina"},
          new String[] {"拓也", "takuya"},
          new String[] {"花子", "hanako"});
  private static final List<String[]> PREFIX =
      List.of(
          new String[] {"ミライ", "mirai"},
          new String[] {"北斗", "hokuto"},
          new String[] {"アオバ", "aoba"},
          new String[] {"さくら", "sakura"},
          new String[] {"ハヤテ", "hayate"},
          new String[] {"東邦", "toho"},
          new String[] {"コダマ", "kodama"},
          new String[] {"みなと", "minato"},
          new String[] {"イズミ", "izumi"},
          new String[] {"ツバサ", "tsubasa"},
          new String[] {"ヤマト", "yamato"},
          new String[] {"ひかり", "hikari"},
          new String[] {"アサヒ", "asahi"},
          new String[] {"富士", "fuji"},
          new String[] {"シンセイ", "shinsei"},
          new String[] {"大和田", "owada"},
          new String[] {"カナメ", "kaname"},
          new String[] {"白鷺", "shirasagi"},
          new String[] {"ミドリ", "midori"},
          new String[] {"トキワ", "tokiwa"});
  private static final List<String[]> BUSINESS =
      List.of(
          new String[] {"物流", "logistics"},
          new String[] {"精機", "seiki"},
          new String[] {"商事", "shoji"},
          new String[] {"クラウド工業", "cloud"},
          new String[] {"データ", "data"},
          new String[] {"設計", "sekkei"},
          new String[] {"食品", "foods"},
          new String[] {"電機", "denki"},
          new String[] {"人材", "hr"},
          new String[] {"印刷", "print"},
          new String[] {"建設", "kensetsu"},
          new String[] {"不動産", "estate"},
          new String[] {"システムズ", "systems"},
          new String[] {"製薬", "pharma"},
          new String[] {"ホールディングス", "hd"});
  private static final List<String[]> REGION =
      List.of(
          new String[] {"", ""},
          new String[] {"東京", "tokyo"},
          new String[] {"大阪", "osaka"},
          new String[] {"名古屋", "nagoya"},
          new String[] {"福岡", "fukuoka"},
          new String[] {"札幌", "sapporo"},
          new String[] {"仙台", "sendai"},
          new String[] {"広島", "hiroshima"});
  private static final List<String> TITLES = List.of("担当", "主任", "係長", "課長", "部長", "");
  private static final List<String> ENVIRONMENTS =
      List.of(
          "Manages leads in spreadsheets",
          "Uses a legacy on-premise CRM",
          "Evaluating two other vendors",
          "No tool yet, process is e-mail only",
          "Outgrowing a free CRM plan");
  private static final List<String> HANDOFF_COMMENTS =
      List.of(
          "Budget approved, wants to start next quarter",
          "Decision maker joined the call, asked for a demo",
          "Replacing spreadsheets across three teams",
          "Pain is clear, budget not yet secured",
          "Comparing with a competitor, decision within two months");

  private Names() {}

  static Person person(int journey, Random random) {
    String[] family = FAMILY.get(random.nextInt(FAMILY.size()));
    String[] given = GIVEN.get(random.nextInt(GIVEN.size()));
    return new Person(family[0] + " " + given[0], given[1] + "." + family[1] + "." + journey);
  }

  /** A company name of its own for each journey: 株式会社 + prefix + business (+ region, + 第n). */
  static String company(int journey) {
    int[] parts = parts(journey);
    String name = PREFIX.get(parts[0])[0] + BUSINESS.get(parts[1])[0] + REGION.get(parts[2])[0];
    return (journey % 3 == 0 ? name + "株式会社" : "株式会社" + name)
        + (parts[3] == 0 ? "" : "第" + (parts[3] + 1));
  }

  static String domain(int journey) {
    int[] parts = parts(journey);
    String region = REGION.get(parts[2])[1];
    return (PREFIX.get(parts[0])[1]
            + "-"
            + BUSINESS.get(parts[1])[1]
            + (region.isEmpty() ? "" : "-" + region)
            + (parts[3] == 0 ? "" : "-" + (parts[3] + 1))
            + ".co.jp")
        .toLowerCase(Locale.ROOT);
  }

  /** A university domain: lead-service excludes students by the {@code ac.jp} suffix. */
  static String university(int journey) {
    return "u" + journey % 50 + ".ac.jp";
  }

  static String title(Random random) {
    return TITLES.get(random.nextInt(TITLES.size()));
  }

  static String campaign(LeadSource source, LocalDate day) {
    String month = day.getYear() + "-" + String.format("%02d", day.getMonthValue());
    return switch (source) {
      case WEB_FORM -> "contact-form";
      case DOWNLOAD -> "the-model-ebook";
      case SEMINAR -> "seminar-" + month;
      case EVENT -> "saas-expo-" + day.getYear();
      case INQUIRY -> "pricing-page";
      case LIST_IMPORT -> "trade-show-list-" + month;
      case REFERRAL -> "referral";
    };
  }

  static String currentEnvironment(Random random) {
    return ENVIRONMENTS.get(random.nextInt(ENVIRONMENTS.size()));
  }

  static String handoffComment(Random random) {
    return HANDOFF_COMMENTS.get(random.nextInt(HANDOFF_COMMENTS.size()));
  }

  /** Prefix, business, region, and a counter once every combination is used. */
  private static int[] parts(int journey) {
    // A stride co-prime with the prefix count spreads consecutive journeys over the names.
    int prefix = (journey * 7) % PREFIX.size();
    int rest = journey / PREFIX.size();
    int business = rest % BUSINESS.size();
    rest /= BUSINESS.size();
    int region = rest % REGION.size();
    int counter = rest / REGION.size();
    return new int[] {prefix, business, region, counter};
  }
}
