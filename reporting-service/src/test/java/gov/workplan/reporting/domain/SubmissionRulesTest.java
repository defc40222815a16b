package gov.workplan.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.workplan.common.problem.FieldError;
import gov.workplan.reporting.domain.ExpectedReport.ExpectedIndicator;
import gov.workplan.reporting.domain.ExpectedReport.ExpectedTask;
import gov.workplan.reporting.domain.ReportContent.IndicatorValue;
import gov.workplan.reporting.domain.ReportContent.Progress;
import gov.workplan.reporting.domain.ReportContent.TaskProgress;
import gov.workplan.reporting.domain.SubmissionRules.Outcome;

class SubmissionRulesTest {

    private static final ExpectedReport FUTIAN = new ExpectedReport("futian", "福田区", "DISTRICT",
            List.of(new ExpectedIndicator("scale.bio", "生物产业规模", "亿元", "AT_LEAST", new BigDecimal("20"))),
            List.of(new ExpectedTask("3.1.1", "基地规划", "LEAD", null)));
    private static final BigDecimal FACTOR = new BigDecimal("3");

    private static ReportContent content(String value, String explanation) {
        return new ReportContent(List.of(new IndicatorValue("scale.bio", value == null ? null : new BigDecimal(value), explanation)),
                List.of(new TaskProgress("3.1.1", Progress.IN_PROGRESS, "规划编制中", null)));
    }

    private static List<String> fields(Outcome outcome) {
        return outcome.errors().list().stream().map(FieldError::field).toList();
    }

    @Test
    void givenACompleteReport_whenSubmitted_thenItPassesWithoutWarnings() {
        Outcome outcome = SubmissionRules.checkSubmission(content("12.5", null), FUTIAN, Map.of(), FACTOR);
        assertEquals(List.of(), fields(outcome));
        assertEquals(List.of(), outcome.warnings());
    }

    @Test
    void givenUnknownCodesNegativeValuesAndMissingEntries_whenSubmitted_thenEveryErrorIsNamedAtOnce() {
        ReportContent bad = new ReportContent(
                List.of(new IndicatorValue("scale.moon", BigDecimal.ONE, null),
                        new IndicatorValue("scale.bio", new BigDecimal("-1"), null)),
                List.of(new TaskProgress("9.9", null, null, "ftp://example.org/x")));
        List<String> fields = fields(SubmissionRules.checkSubmission(bad, FUTIAN, Map.of(), FACTOR));
        assertTrue(fields.containsAll(List.of("indicators[0].indicator", "indicators[1].value", "tasks[0].task",
                "tasks[0].progress", "tasks[0].evidenceUrl", "tasks")), fields.toString());
    }

    @Test
    void givenAMissingIndicatorValue_whenSubmitted_thenItIsRequired() {
        ReportContent noValue = new ReportContent(List.of(),
                List.of(new TaskProgress("3.1.1", Progress.DONE, null, "https://futian.gov.cn/evidence/1")));
        assertEquals(List.of("indicators"), fields(SubmissionRules.checkSubmission(noValue, FUTIAN, Map.of(), FACTOR)));
        assertEquals(List.of("indicators[0].value"),
                fields(SubmissionRules.checkSubmission(content(null, null), FUTIAN, Map.of(), FACTOR)));
    }

    @Test
    void givenAYearToDateValueBelowThePreviousQuarter_whenSubmittedWithoutExplanation_thenItIsRefused_andWithOneAccepted() {
        Map<String, BigDecimal> previous = Map.of("scale.bio", new BigDecimal("10"));
        assertEquals(List.of("indicators[0].explanation"),
                fields(SubmissionRules.checkSubmission(content("9", null), FUTIAN, previous, FACTOR)));
        assertEquals(List.of(), fields(SubmissionRules.checkSubmission(content("9", "统计口径调整"), FUTIAN, previous, FACTOR)));
    }

    @Test
    void givenAJumpBeyondTheFactor_whenSubmitted_thenItPassesWithAWarningKept() {
        Outcome outcome = SubmissionRules.checkSubmission(content("31", null), FUTIAN, Map.of("scale.bio", BigDecimal.TEN),
                FACTOR);
        assertEquals(List.of(), fields(outcome));
        assertEquals("indicators[0].value", outcome.warnings().get(0).field());
        assertTrue(SubmissionRules.checkSubmission(content("30", null), FUTIAN, Map.of("scale.bio", BigDecimal.TEN), FACTOR)
                .warnings().isEmpty(), "exactly the factor is no jump");
    }

    @Test
    void givenAnIncompleteDraft_whenSaved_thenOnlyItsShapeIsChecked() {
        assertEquals(List.of(), SubmissionRules.checkDraft(ReportContent.EMPTY, FUTIAN).list());
        ReportContent twice = new ReportContent(List.of(new IndicatorValue("scale.bio", BigDecimal.ONE, null),
                new IndicatorValue("scale.bio", BigDecimal.TEN, null)), List.of());
        assertEquals(List.of("indicators[1].indicator"),
                SubmissionRules.checkDraft(twice, FUTIAN).list().stream().map(FieldError::field).toList());
    }
}
