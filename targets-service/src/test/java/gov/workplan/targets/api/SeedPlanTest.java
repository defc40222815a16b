package gov.workplan.targets.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import gov.workplan.common.excel.Xlsx;
import gov.workplan.targets.SeedDocument;
import gov.workplan.testkit.TestTokens;
import gov.workplan.testkit.Workbooks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import static gov.workplan.testkit.Problems.assertProblem;

/** The seed plan, loaded at start-up, as other government systems read it. */
@QuarkusTest
class SeedPlanTest {

    private static final String PLAN = "/api/v1/plans/" + SeedDocument.PLAN;

    private static RequestSpecification asService() {
        return given().auth().oauth2(TestTokens.service());
    }

    @Test
    void givenTheSeedPlan_whenBiotechScaleTargetsOf2012AreListed_thenTheCityAndAllEightDistrictsHaveTheTableValues() {
        asService().queryParam("indicator", "scale.bio").queryParam("year", 2012)
                .when().get(PLAN + "/targets")
                .then().statusCode(200)
                .header("X-Total-Count", "9")
                .body("unit", contains("shenzhen", "futian", "luohu", "nanshan", "yantian", "baoan", "longgang",
                        "guangming", "pingshan"))
                .body("value", contains(900, 30, 6, 460, 27, 288, 26, 20, 43))
                .body("unitOfMeasure", everyItem(equalTo("亿元")))
                .body("kind", everyItem(equalTo("AT_LEAST")))
                .body("[0].wording", equalTo("生物产业规模达到900亿元"))
                .body("[0].source", equalTo("TEXT"))
                .body("[1].source", equalTo("TABLE"));
    }

    @Test
    void givenTheSeedPlan_whenTheDistrictTableIsRead_thenEveryDistrictHasSixScaleTargets() {
        asService().queryParam("unit", "longgang").when().get(PLAN + "/targets")
                .then().statusCode(200)
                .body("indicator", contains("scale.bio", "scale.internet", "scale.new-energy", "scale.bio",
                        "scale.internet", "scale.new-energy"))
                .body("year", contains(2011, 2011, 2011, 2012, 2012, 2012))
                .body("value", contains(20, 2, 300, 26, 5, 470));
    }

    @Test
    void givenTheSeedPlan_whenThePlanIsRead_thenItCarriesTheDocumentHeaderAndReportingRule() {
        asService().when().get(PLAN).then().statusCode(200)
                .body("documentNumber", equalTo("深府办〔2010〕98号"))
                .body("issuer", equalTo("深圳市人民政府办公厅"))
                .body("issuedOn", equalTo("2010-12-01"))
                .body("publishedOn", equalTo("2011-01-19"))
                .body("spanFrom", equalTo(2010))
                .body("spanTo", equalTo(2012))
                .body("officeUnit", equalTo("leading-group-office"))
                .body("approverUnit", equalTo("leading-group"))
                .body("industries.code", contains("bio", "internet", "new-energy"))
                .body("reporting.frequency", equalTo("QUARTERLY"))
                .body("reporting.dueMonthOfNextQuarter", equalTo(1))
                .body("reporting.dueDayOfMonth", equalTo(10))
                .body("reporting.zone", equalTo("Asia/Shanghai"))
                .body("counts.units", equalTo(31))
                .body("counts.indicators", equalTo(25))
                .body("counts.targets", equalTo(88))
                .body("counts.tasks", equalTo(35));
    }

    @Test
    void givenTheSeedPlan_whenItsUnitsAreListed_thenTheCityTheEightDistrictsAndEveryNamedDepartmentAreThere() {
        asService().queryParam("plan", SeedDocument.PLAN).when().get("/api/v1/units").then().statusCode(200)
                .body("$", hasSize(31))
                .body("[0].code", equalTo("shenzhen"))
                .body("findAll { it.category == 'DISTRICT' }.code", contains("futian", "luohu", "nanshan", "yantian",
                        "baoan", "longgang", "guangming", "pingshan"))
                .body("findAll { it.category == 'DISTRICT' }.parent", everyItem(equalTo("shenzhen")))
                .body("findAll { it.category == 'DEPARTMENT' }", hasSize(18))
                .body("code", hasItems("development-reform", "science-industry-trade-it", "market-supervision",
                        "statistics", "publicity-department", "media-group", "leading-group-office"))
                .body("find { it.code == 'science-industry-trade-it' }.nameZh", equalTo("市科工贸信委"));
    }

    @Test
    void givenTheSeedPlan_whenIndicatorsAreListed_thenEachCarriesItsUnitOfMeasureIndustryAndCaliber() {
        asService().when().get(PLAN + "/indicators").then().statusCode(200)
                .body("$", hasSize(25))
                .body("find { it.code == 'scale.bio' }.caliber", equalTo("OUTPUT_LOCATION"))
                .body("find { it.code == 'scale.internet' }.caliber", equalTo("REGISTRATION_PLACE"))
                .body("find { it.code == 'scale.new-energy' }.industry", equalTo("new-energy"))
                .body("find { it.code == 'scale.total' }.sumOf", contains("scale.bio", "scale.internet", "scale.new-energy"))
                .body("find { it.code == 'bio.enterprises.over-100m' }.unitOfMeasure", equalTo("家"))
                .body("find { it.code == 'standards.participated' }.unitOfMeasure", equalTo("项"));
    }

    @Test
    void givenTheWordingOfTheText_whenTargetsAreRead_thenTheirKindFollowsIt() {
        assertKind("shenzhen", "bio.enterprises.over-1b", 2012, "ABOUT", 25);          // 25家左右
        assertKind("shenzhen", "new-energy.enterprises.over-10b", 2011, "STRIVE_FOR", 3); // 力争…3家
        assertKind("shenzhen", "internet.rd-institutions", 2011, "AT_LEAST", 40);       // 40个以上
        assertKind("market-supervision", "standards.participated", 2012, "AT_LEAST", 10);
        asService().when().get(PLAN + "/targets/shenzhen/internet.enterprises.over-10b/2012").then()
                .statusCode(200).body("kind", equalTo("RANGE")).body("value", equalTo(1)).body("maxValue", equalTo(2))
                .body("wording", equalTo("营业收入超百亿元企业达到1―2家"));
    }

    private static void assertKind(String unit, String indicator, int year, String kind, int value) {
        asService().when().get(PLAN + "/targets/" + unit + "/" + indicator + "/" + year).then()
                .statusCode(200).body("kind", equalTo(kind)).body("value", equalTo(value));
    }

    @Test
    void givenTheSeedPlan_whenTasksAreListed_thenEveryNumberedTaskIsThereWithItsUnitsAndDeadlines() {
        asService().when().get(PLAN + "/tasks").then().statusCode(200)
                .body("$", hasSize(35))
                .body("find { it.code == '3.1.1' }.parent", equalTo("3.1"))
                .body("find { it.code == '3.1.1' }.deadline", equalTo("2011-03-31"))
                .body("find { it.code == '3.1.1' }.lead", contains("futian", "luohu", "nanshan", "yantian", "baoan",
                        "longgang", "guangming", "pingshan"))
                .body("find { it.code == '3.1.1' }.coResponsible", contains("science-industry-trade-it",
                        "development-reform", "planning-land", "habitat-environment", "drug-administration"))
                .body("find { it.code == '10.3' }.lead", contains("leading-group-office"))
                .body("find { it.code == '10.3' }.deadline", equalTo("2011-02-28"))
                .body("find { it.code == '10.1' }.deadline", equalTo("2010-12-31"))
                .body("find { it.code == '4.4.1' }.lead", contains("finance"))
                .body("find { it.code == '4.4.1' }.coResponsible", contains("venture-capital-office",
                        "financial-services-office"))
                .body("find { it.code == '8.2' }.coResponsible", hasItems("organization-department", "media-group",
                        "press-group"))
                .body("find { it.code == '4.5' }.lead", hasSize(0));
    }

    @Test
    void givenADistrict_whenItsTasksAreListed_thenEachIsMarkedLeadOrCoResponsible() {
        asService().queryParam("unit", "futian").when().get(PLAN + "/tasks").then().statusCode(200)
                .body("find { it.code == '2.1' }.role", equalTo("CO"))
                .body("find { it.code == '3.1.1' }.role", equalTo("LEAD"))
                .body("find { it.code == '7.2' }.role", equalTo("LEAD"))
                .body("code", containsInAnyOrder("2.1", "2.2", "2.3", "3.1.1", "3.1.2", "3.2", "6.1", "6.2", "6.3",
                        "6.4", "7.2", "8.1", "8.2", "10.1", "10.2"));
    }

    @Test
    void givenTheSeedPlan_whenDecompositionIsChecked_thenTheDistrictsAddUpToTheCityEverywhere() {
        asService().when().get(PLAN + "/decomposition").then().statusCode(200)
                .body("consistent", equalTo(true))
                .body("discrepancies", equalTo(0))
                .body("decompositions", hasSize(6))
                .body("decompositions.parent", everyItem(equalTo("shenzhen")))
                .body("decompositions.missingChildren.flatten()", hasSize(0))
                .body("compositions[0].indicator", equalTo("scale.total"))
                .body("compositions[0].sum", equalTo(2800))
                .body("compositions[0].difference", equalTo(0));
    }

    /** page × size is the query's offset: past an int it was an overflow and a 500; now a 400 naming page. */
    @Test
    void givenAPageWhoseOffsetOverflowsAnInt_whenTargetsAreListed_thenTheAnswerIs400NamingPage() {
        gov.workplan.testkit.Problems.assertProblem(given().auth().oauth2(TestTokens.service())
                .queryParam("page", 1073741824).queryParam("size", 2).when()
                .get("/api/v1/plans/szfb-2010-98/targets").then(), 400, "page");
        gov.workplan.testkit.Problems.assertProblem(given().auth().oauth2(TestTokens.service())
                .queryParam("page", "2147483648").when().get("/api/v1/plans/szfb-2010-98/targets").then(), 400, "page");
        given().auth().oauth2(TestTokens.service()).queryParam("page", 1073741823).queryParam("size", 2).when()
                .get("/api/v1/plans/szfb-2010-98/targets").then().statusCode(200).body("$", org.hamcrest.Matchers.empty());
    }

    @Test
    void givenTheSeedPlan_whenTheOfficeExportsItsTargets_thenTheWorkbookHasEveryTargetWithItsValue() {
        byte[] xlsx = given().auth().oauth2(TestTokens.office()).when().get("/api/v1/plans/szfb-2010-98/targets/export")
                .then().statusCode(200).contentType(Xlsx.MEDIA_TYPE)
                .header("Content-Disposition", containsString("targets-szfb-2010-98.xlsx")).extract().asByteArray();
        Workbooks book = Workbooks.read(xlsx);
        List<String> years = book.codes("Targets", 3);
        assertEquals(88, years.size());
        int total = given().auth().oauth2(TestTokens.office()).when().get("/api/v1/plans/szfb-2010-98/targets")
                .then().extract().jsonPath().getList("$").size();
        assertEquals(total, years.size());
        // The district table: futian's 2012 biotech scale is 30 亿元, as the JSON answer says.
        int row = 3;
        while (!("2012".equals(book.get("Targets", "A" + row).toString())
                && "scale.bio".equals(book.get("Targets", "B" + row)) && "futian".equals(book.get("Targets", "D" + row)))) {
            row++;
        }
        BigDecimal value = (BigDecimal) book.get("Targets", "G" + row);
        String expected = given().auth().oauth2(TestTokens.office()).when()
                .get("/api/v1/plans/szfb-2010-98/targets/futian/scale.bio/2012").then().extract().jsonPath()
                .getString("value");
        assertEquals(0, value.compareTo(new BigDecimal(expected)));
        assertEquals("福田区", book.get("Targets", "E" + row));
    }

    @Test
    void givenAnUnknownPlanUnitOrIndicator_whenRead_thenTheAnswerIs404NamingIt() {
        assertProblem(asService().when().get("/api/v1/plans/no-such-plan").then(), 404, "plan");
        assertProblem(asService().queryParam("unit", "atlantis").when().get(PLAN + "/targets").then(), 404, "unit");
        assertProblem(asService().queryParam("indicator", "scale.moon").when().get(PLAN + "/targets").then(), 404, "indicator");
        assertProblem(asService().when().get(PLAN + "/tasks/99.9").then(), 404, "task");
        assertProblem(asService().when().get("/api/v1/units/atlantis").then(), 404, "unit");
    }

    @Test
    void givenABadFilter_whenTargetsAreListed_thenTheAnswerIs400NamingIt() {
        assertProblem(asService().queryParam("year", "twenty").when().get(PLAN + "/targets").then(), 400, "year");
        assertProblem(asService().queryParam("year", 2015).when().get(PLAN + "/targets").then(), 400, "year");
        assertProblem(asService().queryParam("size", 0).when().get(PLAN + "/targets").then(), 400, "size");
        assertProblem(asService().queryParam("category", "PLANET").when().get("/api/v1/units").then(), 400, "category");
    }

    @Test
    void givenPaging_whenTargetsAreListed_thenPagesPartitionTheResult() {
        asService().queryParam("size", 50).queryParam("page", 1).when().get(PLAN + "/targets").then()
                .statusCode(200).header("X-Total-Count", "88").body("$", hasSize(38))
                .body("[0].year", equalTo(2012))
                .body("[37].unit", equalTo("market-supervision"))
                .body("[37].indicator", equalTo("standards.participated"))
                .body("[37].maxValue", nullValue());
    }
}
