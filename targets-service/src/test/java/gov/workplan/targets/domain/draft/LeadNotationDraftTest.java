package gov.workplan.targets.domain.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gov.workplan.targets.domain.PlanDocument.TargetEntry;
import gov.workplan.targets.domain.draft.PlanDraft.ReviewItem;

/**
 * A document of our own making in the other notation (drafts/szf-2013-7.txt): chapters headed 一、, tasks numbered
 * three deep (（一）/1．/（1）), responsibility written 牵头单位：…；配合单位：…, the city's targets in prose with no
 * district table, a deadline to the day, one 年内, two units the directory does not know and an approver that is
 * no unit: what the reader can say it drafts, the rest is on the review list.
 */
class LeadNotationDraftTest {

    static PlanDraft draft;

    @BeforeAll
    static void draftIt() {
        UnitDirectory shenzhen = SeedTextDraftTest.resource("seed/shenzhen.units.json", UnitDirectory.class);
        draft = PlanTextReader.read(SeedTextDraftTest.resource("drafts/szf-2013-7.txt", String.class), shenzhen);
    }

    @Test
    void givenAHeadedDocument_whenDrafted_thenTheHeaderComesFromTheNoticeAndTheReportingRuleFromItsSentence() {
        var plan = draft.plan().plan();
        assertEquals(List.of("szf-2013-7", "深圳市新能源产业推进工作方案（2013―2015年）", "深府〔2013〕7号", "深圳市人民政府",
                LocalDate.of(2013, 2, 16), 2013, 2015, "为加快新能源产业发展，培育新的经济增长点，制定本方案。", "development-reform"),
                List.of(plan.code(), plan.title(), plan.documentNumber(), plan.issuer(), plan.issuedOn(), plan.spanFrom(),
                        plan.spanTo(), plan.preamble(), plan.officeUnit()));
        assertEquals(List.of(1, 5, "development-reform", "每季度第一个月五日前向市发展改革委报送工作进展情况"),
                List.of(plan.reporting().dueMonthOfNextQuarter(), plan.reporting().dueDayOfMonth(),
                        plan.reporting().recipientUnit(), plan.reporting().wording()));
    }

    @Test
    void givenProseTargetsWithoutATable_whenDrafted_thenTheirYearComesFromTheSentence_andStrivingCarriesOn() {
        assertEquals(List.of(
                "shenzhen 2015 AT_LEAST 1500 亿元 新能源产业规模达到1500亿元",
                "shenzhen 2015 STRIVE_FOR 6 家 力争培育年产值超百亿元企业6家",
                "shenzhen 2015 STRIVE_FOR 12 家 超十亿元企业12家",
                "shenzhen 2015 AT_LEAST 3 个 新建国家级研发平台不少于3个",
                "development-reform 2014 AT_LEAST 200 座 建成新能源汽车充电站200座以上"),
                draft.plan().targets().stream().map(LeadNotationDraftTest::line).toList());
    }

    @Test
    void givenLeadAndCoNotes_whenDrafted_thenTasksNestThreeDeep_withLeadsCoUnitsAndDeadlinesAsWritten() {
        List<String> districts = List.of("futian", "luohu", "nanshan", "yantian", "baoan", "longgang", "guangming", "pingshan");
        List<String> withDistricts = new java.util.ArrayList<>(List.of("development-reform", "science-industry-trade-it"));
        withDistricts.addAll(districts);
        assertEquals(List.of(
                task("2.1", null, "完善产业布局", List.of(), List.of(), null),
                task("2.1.1", "2.1", "建设产业基地", List.of(), List.of(), null),
                task("2.1.1.1", "2.1.1", null, List.of("planning-land"), withDistricts, LocalDate.of(2013, 6, 30)),
                task("2.1.1.2", "2.1.1", null, List.of("science-industry-trade-it"), List.of("longgang"), null),
                task("2.1.2", "2.1", null, List.of("development-reform"), List.of("housing-construction"),
                        LocalDate.of(2014, 12, 31)),
                // 市直各部门: every department the plan names, in the directory's order
                task("2.2", null, "加强政策支持", List.of("development-reform", "science-industry-trade-it", "planning-land",
                        "housing-construction"), List.of(), null),
                task("3.1", null, "建立报送制度", List.of("development-reform"), List.of(), null),
                task("3.2", null, "加强考核", List.of("development-reform"), List.of(), null)),
                draft.plan().tasks().stream().map(t -> task(t.code(), t.parent(), t.title(), t.lead(), t.coResponsible(),
                        t.deadline())).toList());
    }

    @Test
    void givenWhatTheReaderCannotResolve_whenDrafted_thenEachIsOnTheReviewList_andNothingIsGuessed() {
        List<String> review = draft.review().stream().filter(r -> !r.item().endsWith(".nameEn"))
                .map(r -> r.item() + " " + r.line() + " " + r.passage()).sorted().toList();
        assertEquals(List.of(
                "plan.approverUnit 22 市政府",
                "tasks[2.1.1.2].deadline 16 年内启动首期工程",
                "tasks[2.1.1.2].lead 16 （牵头单位：市科工贸信委；配合单位：龙岗区、大鹏新区管委会）",
                "tasks[2.1.2].lead 17 （牵头单位：市发展改革委；配合单位：市住房建设局、市供电局）"), review);
        assertEquals(null, draft.plan().plan().approverUnit());
        assertEquals(5, draft.review().stream().map(ReviewItem::item).filter(i -> i.endsWith(".nameEn")).count());
    }

    private static String line(TargetEntry t) {
        String measure = draft.plan().indicators().stream().filter(i -> i.code().equals(t.indicator())).findFirst()
                .orElseThrow().unitOfMeasure();
        return t.unit() + " " + t.year() + " " + t.kind() + " " + t.value().toPlainString() + " " + measure + " " + t.wording();
    }

    private static List<Object> task(String code, String parent, String title, List<String> lead, List<String> co,
            LocalDate deadline) {
        return Arrays.asList(code, parent, title, lead, co, deadline);
    }
}
