package io.themodel.lead.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.postgres.PostgresResource;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "lead_test"))
class ImportResourceTest {

  private static JsonPath upload(String csv, String key, int status) {
    var request =
        given().contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8));
    if (key != null) {
      request = request.header("Idempotency-Key", key);
    }
    return request.post("/leads/import").then().statusCode(status).extract().jsonPath();
  }

  @Test
  void a_list_in_japanese_is_answered_row_by_row_accepted_duplicate_or_rejected_with_the_reason() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String csv =
        "\uFEFFname,email,companyName,title,source,campaign,consent\n"
            + "山田 太郎,taro.%s@import.example,株式会社インポート,部長,SEMINAR,秋のセミナー,true\n".formatted(tag)
            + "\"佐藤, 花子\",hanako.%s@import.example,(株)インポート,,,,\n".formatted(tag)
            + "鈴木 一郎,TARO.%s@import.example,インポート株式会社,,,,\n".formatted(tag)
            + "高橋 二郎,not-an-email,株式会社インポート,,,,\n"
            + "伊藤 三郎,saburo.%s@import.example,,,,,\n".formatted(tag)
            + "田中 四郎,shiro.%s@import.example,株式会社インポート,,CARRIER_PIGEON,,\n".formatted(tag)
            + "中村 五郎,goro.%s@import.example,・・・,,,,\n".formatted(tag);

    JsonPath report = upload(csv, null, 200);

    assertThat(report.getInt("total")).isEqualTo(7);
    assertThat(report.getInt("accepted")).isEqualTo(2);
    assertThat(report.getInt("duplicates")).isEqualTo(1);
    assertThat(report.getInt("rejected")).isEqualTo(4);
    assertThat(report.getList("rows.status"))
        .containsExactly(
            "ACCEPTED", "ACCEPTED", "DUPLICATE", "REJECTED", "REJECTED", "REJECTED", "REJECTED");
    assertThat(report.getString("rows[2].leadId")).isEqualTo(report.getString("rows[0].leadId"));
    assertThat(report.getString("rows[3].reason")).contains("email");
    assertThat(report.getString("rows[4].reason")).contains("companyName");
    assertThat(report.getString("rows[5].reason")).contains("source");
    assertThat(report.getString("rows[6].reason")).contains("companyName");
    // a rejected row left nothing behind, an accepted one is a whole lead with its company
    given()
        .get("/leads/{id}", report.getString("rows[1].leadId"))
        .then()
        .statusCode(200)
        .body("source", equalTo("LIST_IMPORT"))
        .body("companyKey", equalTo("インポート"))
        .body("touches", equalTo(1));
    given()
        .get("/leads/{id}", report.getString("rows[0].leadId"))
        .then()
        .body("campaign", equalTo("秋のセミナー"))
        .body("touches", equalTo(2));
    given()
        .queryParam("q", "インポート")
        .get("/companies")
        .then()
        .body("[0].leads.leadId", hasItem(report.getString("rows[1].leadId")));
  }

  @Test
  void a_re_sent_upload_with_the_same_key_imports_nothing_twice() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String csv = "name,email,companyName\n山田 太郎,retry.%s@import.example,株式会社リトライ\n".formatted(tag);
    String key = UUID.randomUUID().toString();

    JsonPath first = upload(csv, key, 200);
    JsonPath second = upload(csv, key, 200);

    assertThat(first.getString("rows[0].status")).isEqualTo("ACCEPTED");
    assertThat(second.getString("rows[0].status")).isEqualTo("DUPLICATE");
    given()
        .get("/leads/{id}", first.getString("rows[0].leadId"))
        .then()
        .body("touches", equalTo(1));
  }

  @Test
  void a_file_that_is_not_a_csv_list_is_a_400_naming_the_body_and_imports_nothing() {
    upload("", null, 400);
    given()
        .contentType("text/csv")
        .body("name,email\nx,y@z.example\n")
        .post("/leads/import")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("body"))
        .body("detail", containsString("companyname"));
    given()
        .contentType("text/csv")
        .body(new byte[] {'n', 'a', 'm', 'e', '\n', (byte) 0xC3, (byte) 0x28})
        .post("/leads/import")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("body"));
  }
}
