package gov.workplan.reporting.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Row;

import gov.workplan.common.excel.Xlsx;
import gov.workplan.common.excel.XlsxUpload;
import gov.workplan.common.problem.FieldErrors;
import gov.workplan.reporting.domain.ExpectedReport;
import gov.workplan.reporting.domain.ExpectedReport.ExpectedIndicator;
import gov.workplan.reporting.domain.ExpectedReport.ExpectedTask;
import gov.workplan.reporting.domain.Period;
import gov.workplan.reporting.domain.ReportContent;
import gov.workplan.reporting.domain.ReportContent.IndicatorValue;
import gov.workplan.reporting.domain.ReportContent.TaskProgress;

/**
 * The Excel report template (报送表) an information officer fills in: generated from what the unit owes
 * for the period, read back as a draft's content. Two sheets: {@code Indicators} (one row per indicator
 * with a target: the year-to-date value and an explanation to fill in) and {@code Tasks} (one row per
 * task: progress from a drop-down, a note, an evidence link). Codes in column A and the plan, period
 * and unit in the header cells tie the file to its report; the officer fills only the yellow columns.
 * Errors name the cell ({@code Indicators!F8}) so the officer can find them. Pure: no Quarkus.
 */
public final class ReportWorkbook {

    public static final String INDICATORS = "Indicators";
    public static final String TASKS = "Tasks";
    /** Rows (0-based) of the header block and the tables; kept in one place for writer and reader. */
    static final int PLAN_ROW = 1;
    static final int PERIOD_ROW = 2;
    static final int UNIT_ROW = 3;
    static final int INDICATOR_HEAD_ROW = 6;
    static final int TASK_HEAD_ROW = 2;
    static final int VALUE_COL = 5;
    static final int EXPLANATION_COL = 6;
    static final int PROGRESS_COL = 4;
    static final int NOTE_COL = 5;
    static final int EVIDENCE_COL = 6;
    private static final String FILL = "FFF2CC";

    /** What identifies the report a file belongs to. */
    public record Header(String plan, String period, String unit) {
    }

    /** A read file: its header, the content it holds, which cell each content field came from, and cell errors. */
    public record Read(Header header, ReportContent content, Map<String, String> cellOf, FieldErrors errors) {

        /** Content errors (named like {@code indicators[0].value}) renamed to the cells they came from. */
        public FieldErrors inCells(FieldErrors contentErrors) {
            FieldErrors named = new FieldErrors();
            contentErrors.list().forEach(e -> named.add(cellOf.getOrDefault(e.field(), e.field()), e.message()));
            return named;
        }
    }

    private ReportWorkbook() {
    }

    public static byte[] template(String planCode, String planTitle, Period period, ExpectedReport expected,
            ReportContent current) {
        Map<String, IndicatorValue> values = new HashMap<>();
        Map<String, TaskProgress> progress = new HashMap<>();
        if (current != null) {
            current.indicatorsOrEmpty().forEach(v -> values.put(v.indicator(), v));
            current.tasksOrEmpty().forEach(t -> progress.put(t.task(), t));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "workplan-suite", "1.0");
            Worksheet ws = wb.newWorksheet(INDICATORS);
            ws.value(0, 0, planTitle + " — " + period.code() + " 报送表 (report template)");
            ws.style(0, 0).bold().fontSize(13).set();
            label(ws, PLAN_ROW, "计划 Plan", planCode);
            label(ws, PERIOD_ROW, "报送期 Period", period.code());
            label(ws, UNIT_ROW, "责任单位 Unit", expected.unit());
            ws.value(UNIT_ROW, 2, expected.unitNameZh());
            label(ws, 4, "截止日期 Due", period.dueDate().toString());
            ws.value(5, 0, "填写黄色列：本年累计值（计量单位见C列）；低于上季度累计值时须在说明中解释。"
                    + " Fill in the yellow columns: year-to-date values in the unit of column C.");
            heads(ws, INDICATOR_HEAD_ROW, List.of("指标代码 Indicator", "指标 Name", "计量单位 Unit", "目标类型 Kind",
                    "年度目标 Annual target", "本年累计 Year-to-date", "说明 Explanation"), VALUE_COL, EXPLANATION_COL);
            int r = INDICATOR_HEAD_ROW + 1;
            for (ExpectedIndicator i : expected.indicators()) {
                ws.value(r, 0, i.indicator());
                ws.value(r, 1, i.nameZh());
                ws.value(r, 2, i.unitOfMeasure());
                ws.value(r, 3, i.targetKind());
                Xlsx.cell(ws, r, 4, i.target());
                IndicatorValue v = values.get(i.indicator());
                Xlsx.cell(ws, r, VALUE_COL, v == null ? null : v.value());
                Xlsx.cell(ws, r, EXPLANATION_COL, v == null ? null : v.explanation());
                fill(ws, r, VALUE_COL, EXPLANATION_COL);
                r++;
            }
            widths(ws, 18, 30, 10, 12, 16, 18, 40);

            Worksheet tasks = wb.newWorksheet(TASKS);
            tasks.value(0, 0, "任务进度 Task progress — " + expected.unit() + " " + period.code());
            tasks.style(0, 0).bold().fontSize(13).set();
            tasks.value(1, 0, "进度 Progress: NOT_STARTED 未启动 / IN_PROGRESS 推进中 / DONE 已完成 / BLOCKED 受阻");
            heads(tasks, TASK_HEAD_ROW, List.of("任务编号 Task", "任务 Title", "角色 Role", "截止 Deadline",
                    "进度 Progress", "情况说明 Note", "佐证链接 Evidence URL"), PROGRESS_COL, EVIDENCE_COL);
            r = TASK_HEAD_ROW + 1;
            for (ExpectedTask t : expected.tasks()) {
                tasks.value(r, 0, t.task());
                tasks.value(r, 1, t.title());
                tasks.value(r, 2, t.role());
                Xlsx.cell(tasks, r, 3, t.deadline());
                TaskProgress p = progress.get(t.task());
                Xlsx.cell(tasks, r, PROGRESS_COL, p == null || p.progress() == null ? null : p.progress().name());
                Xlsx.cell(tasks, r, NOTE_COL, p == null ? null : p.note());
                Xlsx.cell(tasks, r, EVIDENCE_COL, p == null ? null : p.evidenceUrl());
                fill(tasks, r, PROGRESS_COL, EVIDENCE_COL);
                r++;
            }
            if (!expected.tasks().isEmpty()) {
                tasks.range(TASK_HEAD_ROW + 1, PROGRESS_COL, r - 1, PROGRESS_COL).validateWithListByFormula(
                        "\"" + java.util.Arrays.stream(ReportContent.Progress.values()).map(Enum::name)
                                .collect(Collectors.joining(",")) + "\"");
            }
            widths(tasks, 14, 50, 8, 12, 16, 40, 30);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a workbook in memory", e);
        }
        return out.toByteArray();
    }

    /**
     * Reads a filled template within {@link XlsxUpload.Limits#REPORT_TEMPLATE}. Empty value or progress cells
     * are left out, as in a half-written draft. A file beyond the limits throws a 400/413 problem; cell errors
     * are collected in the answer, each named by its cell.
     */
    public static Read read(byte[] file) {
        FieldErrors errors = new FieldErrors();
        Map<String, String> cellOf = new LinkedHashMap<>();
        List<IndicatorValue> indicators = new ArrayList<>();
        List<TaskProgress> tasks = new ArrayList<>();
        try (XlsxUpload wb = XlsxUpload.open(file, XlsxUpload.Limits.REPORT_TEMPLATE)) {
            if (!wb.hasSheet(INDICATORS) || !wb.hasSheet(TASKS)) {
                errors.add("file", "is not a report template: sheets '" + INDICATORS + "' and '" + TASKS
                        + "' are required; download a template from /api/v1/report-workbooks/template");
                return new Read(null, null, cellOf, errors);
            }
            List<Row> rows = wb.rows(INDICATORS);
            Header header = new Header(headerText(wb, rows, PLAN_ROW, errors), headerText(wb, rows, PERIOD_ROW, errors),
                    headerText(wb, rows, UNIT_ROW, errors));
            for (Row row : rows) {
                String code = wb.text(INDICATORS, row, 0, errors);
                if (row.getRowNum() - 1 <= INDICATOR_HEAD_ROW || blank(code)) {
                    continue;
                }
                BigDecimal number = wb.number(INDICATORS, row, VALUE_COL, errors);
                String explanation = emptyToNull(wb.text(INDICATORS, row, EXPLANATION_COL, errors));
                if (number == null) {
                    continue;
                }
                String at = "indicators[" + indicators.size() + "]";
                cellOf.put(at, XlsxUpload.address(INDICATORS, row, 0));
                cellOf.put(at + ".indicator", XlsxUpload.address(INDICATORS, row, 0));
                cellOf.put(at + ".value", XlsxUpload.address(INDICATORS, row, VALUE_COL));
                cellOf.put(at + ".explanation", XlsxUpload.address(INDICATORS, row, EXPLANATION_COL));
                indicators.add(new IndicatorValue(code.trim(), number, explanation));
            }
            for (Row row : wb.rows(TASKS)) {
                String code = wb.text(TASKS, row, 0, errors);
                if (row.getRowNum() - 1 <= TASK_HEAD_ROW || blank(code)) {
                    continue;
                }
                String progressText = emptyToNull(wb.text(TASKS, row, PROGRESS_COL, errors));
                String note = emptyToNull(wb.text(TASKS, row, NOTE_COL, errors));
                String evidence = emptyToNull(wb.text(TASKS, row, EVIDENCE_COL, errors));
                if (progressText == null) {
                    continue;
                }
                ReportContent.Progress progress = progress(progressText.trim());
                if (progress == null) {
                    errors.add(XlsxUpload.address(TASKS, row, PROGRESS_COL), "must be one of NOT_STARTED, IN_PROGRESS, "
                            + "DONE, BLOCKED; got '" + (progressText.length() > 40 ? progressText.substring(0, 40) + "…"
                                    : progressText) + "'");
                    continue;
                }
                String at = "tasks[" + tasks.size() + "]";
                cellOf.put(at, XlsxUpload.address(TASKS, row, 0));
                cellOf.put(at + ".task", XlsxUpload.address(TASKS, row, 0));
                cellOf.put(at + ".progress", XlsxUpload.address(TASKS, row, PROGRESS_COL));
                cellOf.put(at + ".note", XlsxUpload.address(TASKS, row, NOTE_COL));
                cellOf.put(at + ".evidenceUrl", XlsxUpload.address(TASKS, row, EVIDENCE_COL));
                tasks.add(new TaskProgress(code.trim(), progress, note, evidence));
            }
            return new Read(header, new ReportContent(indicators, tasks), cellOf, errors);
        }
    }

    private static String headerText(XlsxUpload wb, List<Row> rows, int rowIndex, FieldErrors errors) {
        for (Row r : rows) {
            if (r.getRowNum() - 1 == rowIndex) {
                String t = wb.text(INDICATORS, r, 1, errors);
                if (!blank(t)) {
                    return t.trim();
                }
            }
        }
        errors.add(INDICATORS + "!B" + (rowIndex + 1), "is required: the template's plan, period and unit tie it to its report");
        return null;
    }

    private static ReportContent.Progress progress(String text) {
        for (ReportContent.Progress p : ReportContent.Progress.values()) {
            if (p.name().equalsIgnoreCase(text)) {
                return p;
            }
        }
        return null;
    }

    private static void label(Worksheet ws, int row, String label, String value) {
        ws.value(row, 0, label);
        ws.style(row, 0).bold().set();
        ws.value(row, 1, value);
    }

    private static void heads(Worksheet ws, int row, List<String> heads, int fillFrom, int fillTo) {
        for (int c = 0; c < heads.size(); c++) {
            ws.value(row, c, heads.get(c));
            ws.style(row, c).bold().fillColor(c >= fillFrom && c <= fillTo ? FILL : "DDEBF7").wrapText(true).set();
        }
    }

    private static void fill(Worksheet ws, int row, int from, int to) {
        for (int c = from; c <= to; c++) {
            ws.style(row, c).fillColor(FILL).set();
        }
    }

    private static void widths(Worksheet ws, double... widths) {
        for (int c = 0; c < widths.length; c++) {
            ws.width(c, widths[c]);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String emptyToNull(String s) {
        return blank(s) ? null : s;
    }
}
