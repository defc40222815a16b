package gov.workplan.assessment.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Row;

import gov.workplan.common.excel.Xlsx;
import gov.workplan.common.excel.XlsxUpload;
import gov.workplan.common.problem.FieldErrors;

/**
 * The statistics bureau's workbook of official year-end values (统计局核定数): one row per unit × indicator with
 * a target that year, the unit's own Q4 figure beside it for reference, the official value, its source and the
 * date it was published to fill in (a row's own source and date, or the header's). Read back all or nothing;
 * every error names its cell ({@code Official!H9}). Pure: no Quarkus.
 */
public final class OfficialStatisticsWorkbook {

    public static final String SHEET = "Official";
    static final int PLAN_ROW = 1;
    static final int YEAR_ROW = 2;
    static final int SOURCE_ROW = 3;
    static final int DATE_ROW = 4;
    static final int HEAD_ROW = 6;
    static final int UNIT_COL = 0;
    static final int INDICATOR_COL = 2;
    static final int VALUE_COL = 7;
    static final int SOURCE_COL = 8;
    static final int DATE_COL = 9;
    static final int NOTE_COL = 10;
    private static final String FILL = "FFF2CC";
    /** Excel's day 0 for dates typed into a cell (serial numbers). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    /** A row of the template: what the unit owes, what it reported, and the official value so far. */
    public record Line(String unit, String unitNameZh, String indicator, String indicatorNameZh, String unitOfMeasure,
            BigDecimal target, BigDecimal selfReported, BigDecimal official, String source, LocalDate sourceDate,
            String note) {
    }

    /** A filled row read back, with its row number, to name the cell each field came from. */
    public record Value(String unit, String indicator, BigDecimal value, String source, LocalDate sourceDate, String note,
            int row) {

        /** The cell a field of the row came from ({@code Official!H9} for {@code value}). */
        public String cellOf(String field) {
            int col = switch (field) {
                case "unit" -> UNIT_COL;
                case "indicator" -> INDICATOR_COL;
                case "source" -> SOURCE_COL;
                case "sourceDate" -> DATE_COL;
                case "note" -> NOTE_COL;
                default -> VALUE_COL;
            };
            return SHEET + "!" + (char) ('A' + col) + row;
        }
    }

    public record Read(String plan, Integer year, List<Value> values, FieldErrors errors) {
    }

    private OfficialStatisticsWorkbook() {
    }

    public static byte[] template(String plan, String planTitle, int year, List<Line> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "workplan-suite", "1.0");
            Worksheet ws = wb.newWorksheet(SHEET);
            ws.value(0, 0, planTitle + " — " + year + " 统计局核定数 (official year-end figures)");
            ws.style(0, 0).bold().fontSize(13).set();
            label(ws, PLAN_ROW, "计划 Plan", plan);
            label(ws, YEAR_ROW, "年度 Year", String.valueOf(year));
            label(ws, SOURCE_ROW, "来源 Source", null);
            label(ws, DATE_ROW, "发布日期 Published (yyyy-mm-dd)", null);
            ws.style(SOURCE_ROW, 1).fillColor(FILL).set();
            ws.style(DATE_ROW, 1).fillColor(FILL).set();
            ws.value(5, 0, "填写黄色列：统计局核定的年末数（计量单位见E列）；来源与发布日期可逐行填写，空则取表头 B4、B5。"
                    + " Fill in the yellow columns; a row without its own source or date takes B4 and B5.");
            List<String> heads = List.of("单位代码 Unit", "单位 Name", "指标代码 Indicator", "指标 Name", "计量单位 Unit",
                    "年度目标 Target", "自报年末数 Self-reported (Q4)", "核定数 Official", "来源 Source",
                    "发布日期 Published", "备注 Note");
            for (int c = 0; c < heads.size(); c++) {
                ws.value(HEAD_ROW, c, heads.get(c));
                ws.style(HEAD_ROW, c).bold().fillColor(c >= VALUE_COL ? FILL : "DDEBF7").wrapText(true).set();
            }
            int r = HEAD_ROW + 1;
            for (Line l : lines) {
                ws.value(r, UNIT_COL, l.unit());
                ws.value(r, 1, l.unitNameZh());
                ws.value(r, INDICATOR_COL, l.indicator());
                ws.value(r, 3, l.indicatorNameZh());
                ws.value(r, 4, l.unitOfMeasure());
                Xlsx.cell(ws, r, 5, l.target());
                Xlsx.cell(ws, r, 6, l.selfReported());
                Xlsx.cell(ws, r, VALUE_COL, l.official());
                Xlsx.cell(ws, r, SOURCE_COL, l.source());
                Xlsx.cell(ws, r, DATE_COL, l.sourceDate() == null ? null : l.sourceDate().toString());
                Xlsx.cell(ws, r, NOTE_COL, l.note());
                for (int c = VALUE_COL; c <= NOTE_COL; c++) {
                    ws.style(r, c).fillColor(FILL).set();
                }
                r++;
            }
            double[] widths = { 14, 16, 20, 24, 10, 12, 14, 14, 20, 14, 30 };
            for (int c = 0; c < widths.length; c++) {
                ws.width(c, widths[c]);
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a workbook in memory", e);
        }
        return out.toByteArray();
    }

    /** Reads a filled workbook within the upload limits of a report template; rows without an official value are skipped. */
    public static Read read(byte[] file) {
        FieldErrors errors = new FieldErrors();
        List<Value> values = new ArrayList<>();
        try (XlsxUpload wb = XlsxUpload.open(file, XlsxUpload.Limits.REPORT_TEMPLATE)) {
            if (!wb.hasSheet(SHEET)) {
                errors.add("file", "is not an official-statistics workbook: the sheet '" + SHEET + "' is required; download "
                        + "one from /api/v1/official-statistics/workbook");
                return new Read(null, null, values, errors);
            }
            List<Row> rows = wb.rows(SHEET);
            String plan = header(wb, rows, PLAN_ROW, true, errors);
            String yearText = header(wb, rows, YEAR_ROW, true, errors);
            Integer year = null;
            if (yearText != null) {
                try {
                    year = Integer.valueOf(yearText.trim());
                } catch (NumberFormatException e) {
                    errors.add(SHEET + "!B" + (YEAR_ROW + 1), "must be a year like 2011");
                }
            }
            String defaultSource = header(wb, rows, SOURCE_ROW, false, errors);
            LocalDate defaultDate = null;
            String dateText = header(wb, rows, DATE_ROW, false, errors);
            if (dateText != null) {
                defaultDate = date(dateText, SHEET + "!B" + (DATE_ROW + 1), errors);
            }
            for (Row row : rows) {
                if (row.getRowNum() - 1 <= HEAD_ROW) {
                    continue;
                }
                String unit = wb.text(SHEET, row, UNIT_COL, errors);
                String indicator = wb.text(SHEET, row, INDICATOR_COL, errors);
                BigDecimal value = wb.number(SHEET, row, VALUE_COL, errors);
                if (blank(unit) || blank(indicator) || value == null) {
                    continue;
                }
                String source = emptyToNull(wb.text(SHEET, row, SOURCE_COL, errors));
                String rowDate = emptyToNull(wb.text(SHEET, row, DATE_COL, errors));
                String note = emptyToNull(wb.text(SHEET, row, NOTE_COL, errors));
                LocalDate date = rowDate == null ? defaultDate : date(rowDate, XlsxUpload.address(SHEET, row, DATE_COL), errors);
                source = source == null ? defaultSource : source;
                if (source == null) {
                    errors.add(XlsxUpload.address(SHEET, row, SOURCE_COL), "is required here or in " + SHEET + "!B"
                            + (SOURCE_ROW + 1) + ": where the official figure was published");
                }
                if (date == null && rowDate == null) {
                    errors.add(XlsxUpload.address(SHEET, row, DATE_COL), "is required here or in " + SHEET + "!B"
                            + (DATE_ROW + 1) + ": the date the official figure was published");
                }
                values.add(new Value(unit.trim(), indicator.trim(), value, source, date, note, row.getRowNum()));
            }
            return new Read(plan, year, values, errors);
        }
    }

    /** A date typed as text (2012-03-15) or as a date Excel stores as a day number. */
    private static LocalDate date(String text, String cell, FieldErrors errors) {
        String t = text.trim();
        try {
            if (t.matches("\\d{1,6}")) {
                return EXCEL_EPOCH.plusDays(Long.parseLong(t));
            }
            return LocalDate.parse(t);
        } catch (DateTimeParseException | ArithmeticException e) {
            errors.add(cell, "must be a date like 2012-03-15");
            return null;
        }
    }

    private static String header(XlsxUpload wb, List<Row> rows, int rowIndex, boolean required, FieldErrors errors) {
        for (Row r : rows) {
            if (r.getRowNum() - 1 == rowIndex) {
                String t = wb.text(SHEET, r, 1, errors);
                if (!blank(t)) {
                    return t.trim();
                }
            }
        }
        if (required) {
            errors.add(SHEET + "!B" + (rowIndex + 1), "is required: the workbook's plan and year tie it to the assessment");
        }
        return null;
    }

    private static void label(Worksheet ws, int row, String label, String value) {
        ws.value(row, 0, label);
        ws.style(row, 0).bold().set();
        if (value != null) {
            ws.value(row, 1, value);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String emptyToNull(String s) {
        return blank(s) ? null : s;
    }
}
