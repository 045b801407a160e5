package io.themodel.dev;

import io.themodel.testing.journey.JourneyDriver;
import io.themodel.testing.journey.JourneyDriver.NewLead;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A dozen customer journeys through the running platform, stopping at different stages so that the
 * funnel has a real shape: 12 leads captured, 9 qualified, 6 tossed up, 4 accepted as valid
 * opportunities, 3 won and onboarded. Every run adds a fresh dozen.
 */
public final class DemoJourneys {

  /** How far a demo journey goes. */
  enum Reach {
    CAPTURED,
    MQL,
    TOSSED_UP,
    VALID_OPPORTUNITY,
    WON
  }

  /** One prospect of the demo, how far its journey goes, and what happens on the way. */
  record Prospect(
      String source,
      String campaign,
      String name,
      String mailbox,
      String company,
      Reach reach,
      String band,
      String rep,
      String handoffComment,
      long amount,
      int termMonths) {

    boolean reaches(Reach stage) {
      return reach.compareTo(stage) >= 0;
    }
  }

  static final List<Prospect> PROSPECTS =
      List.of(
          new Prospect(
              "INQUIRY",
              "pricing-page",
              "佐藤 美咲",
              "misaki.sato",
              "株式会社ミライ物流",
              Reach.WON,
              "SQL",
              "fs-tanaka",
              "Budget approved, wants to start next month",
              3_600_000,
              12),
          new Prospect(
              "REFERRAL",
              "customer-referral",
              "鈴木 健太",
              "kenta.suzuki",
              "北斗精機株式会社",
              Reach.WON,
              "MQL_HIGH",
              "fs-suzuki",
              "Referred by an existing customer, CFO involved",
              1_200_000,
              12),
          new Prospect(
              "SEMINAR",
              "spring-seminar",
              "高橋 直樹",
              "naoki.takahashi",
              "株式会社アオバ商事",
              Reach.WON,
              "MQL_HIGH",
              "fs-tanaka",
              "Replacing a spreadsheet process across 3 teams",
              7_200_000,
              24),
          new Prospect(
              "WEB_FORM",
              "whitepaper-cta",
              "田中 由美",
              "yumi.tanaka",
              "さくらクラウド工業株式会社",
              Reach.VALID_OPPORTUNITY,
              "SQL",
              "fs-sato",
              "Evaluating two vendors, decision in June",
              0,
              0),
          new Prospect(
              "EVENT",
              "saas-expo-2026",
              "伊藤 翔",
              "sho.ito",
              "株式会社ハヤテ",
              Reach.TOSSED_UP,
              "MQL_HIGH",
              "fs-suzuki",
              "Met at the booth, asked for a demo",
              0,
              0),
          new Prospect(
              "INQUIRY",
              "pricing-page",
              "渡辺 彩",
              "aya.watanabe",
              "東邦データ株式会社",
              Reach.TOSSED_UP,
              "MQL_LOW",
              "fs-sato",
              "Small team, price sensitive",
              0,
              0),
          new Prospect(
              "DOWNLOAD",
              "the-model-ebook",
              "山本 大輔",
              "daisuke.yamamoto",
              "株式会社コダマ設計",
              Reach.MQL,
              "MQL_LOW",
              null,
              null,
              0,
              0),
          new Prospect(
              "SEMINAR",
              "spring-seminar",
              "中村 恵",
              "megumi.nakamura",
              "みなと食品株式会社",
              Reach.MQL,
              "MQL_HIGH",
              null,
              null,
              0,
              0),
          new Prospect(
              "LIST_IMPORT",
              "trade-show-list",
              "小林 誠",
              "makoto.kobayashi",
              "株式会社イズミ電機",
              Reach.MQL,
              "MQL_LOW",
              null,
              null,
              0,
              0),
          new Prospect(
              "DOWNLOAD",
              "the-model-ebook",
              "加藤 陽菜",
              "hina.kato",
              "株式会社ツバサ人材",
              Reach.CAPTURED,
              null,
              null,
              null,
              0,
              0),
          new Prospect(
              "WEB_FORM",
              "newsletter",
              "吉田 拓也",
              "takuya.yoshida",
              "吉田税理士事務所",
              Reach.CAPTURED,
              null,
              null,
              null,
              0,
              0),
          new Prospect(
              "LIST_IMPORT",
              "trade-show-list",
              "山田 花子",
              "hanako.yamada",
              "株式会社ヤマト印刷",
              Reach.CAPTURED,
              null,
              null,
              null,
              0,
              0));

  private DemoJourneys() {}

  /**
   * Drives the dozen journeys, stage by stage so that hand-offs over Kafka overlap, waits until the
   * funnel has counted them, and returns the funnel.
   */
  static Map<String, Long> run(JourneyDriver driver, PrintStream out) {
    Map<String, Long> before = driver.funnel();
    String run = UUID.randomUUID().toString().substring(0, 6);
    List<Journey> journeys = new ArrayList<>();

    for (Prospect prospect : PROSPECTS) {
      NewLead lead =
          NewLead.sample()
              .withSource(prospect.source())
              .withCampaign(prospect.campaign())
              .withPerson(prospect.name(), prospect.mailbox() + "+" + run + "@example.co.jp")
              .withCompanyName(prospect.company());
      journeys.add(new Journey(prospect, driver.captureLead(lead)));
    }
    out.printf("  captured %d leads%n", journeys.size());

    List<Journey> qualified = reaching(journeys, Reach.MQL);
    for (Journey journey : qualified) {
      driver.qualify(journey.leadId, journey.prospect.band());
    }
    out.printf("  qualified %d of them (MQL)%n", qualified.size());

    List<Journey> tossedUp = reaching(journeys, Reach.TOSSED_UP);
    for (Journey journey : tossedUp) {
      journey.opportunityId =
          driver.tossUp(journey.leadId, journey.prospect.rep(), journey.prospect.handoffComment());
    }
    out.printf("  inside sales tossed up %d%n", tossedUp.size());

    List<Journey> accepted = reaching(journeys, Reach.VALID_OPPORTUNITY);
    for (Journey journey : accepted) {
      driver.accept(journey.opportunityId, journey.prospect.rep());
    }
    out.printf("  field sales accepted %d as valid opportunities%n", accepted.size());

    List<Journey> won = reaching(journeys, Reach.WON);
    LocalDate contractStart = LocalDate.now().withDayOfMonth(1).plusMonths(1);
    for (Journey journey : won) {
      driver.win(
          journey.opportunityId,
          BigDecimal.valueOf(journey.prospect.amount()),
          "JPY",
          contractStart,
          journey.prospect.termMonths());
    }
    out.printf("  won %d deals%n", won.size());

    for (Journey journey : won) {
      driver.awaitCustomer(journey.leadId);
    }
    out.printf("  customer success onboarded %d customers%n", won.size());

    Map<String, Long> added = new LinkedHashMap<>();
    added.put("LEAD_CAPTURED", (long) journeys.size());
    added.put("MQL", (long) qualified.size());
    added.put("TOSSED_UP", (long) tossedUp.size());
    added.put("VALID_OPPORTUNITY", (long) accepted.size());
    added.put("WON", (long) won.size());
    added.put("ONBOARDED", (long) won.size());
    return driver.awaitFunnel(
        funnel ->
            added.entrySet().stream()
                .allMatch(
                    stage ->
                        funnel.getOrDefault(stage.getKey(), 0L)
                            >= before.getOrDefault(stage.getKey(), 0L) + stage.getValue()));
  }

  private static List<Journey> reaching(List<Journey> journeys, Reach stage) {
    return journeys.stream().filter(journey -> journey.prospect.reaches(stage)).toList();
  }

  /** A prospect on its way, with the ids the platform gave it. */
  private static final class Journey {
    final Prospect prospect;
    final UUID leadId;
    UUID opportunityId;

    Journey(Prospect prospect, UUID leadId) {
      this.prospect = prospect;
      this.leadId = leadId;
    }
  }
}
