package gov.workplan.targets.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Row;

import gov.workplan.common.excel.Xlsx;
import gov.workplan.common.excel.XlsxUpload;
import gov.workplan.common.problem.FieldError;
import gov.workplan.common.problem.FieldErrors;
import gov.workplan.targets.domain.Caliber;
import gov.workplan.targets.domain.PlanDocument;
import gov.workplan.targets.domain.PlanDocument.AppendixEntry;
import gov.workplan.targets.domain.PlanDocument.GoalEntry;
import gov.workplan.targets.domain.PlanDocument.IndicatorEntry;
import gov.workplan.targets.domain.PlanDocument.IndustryEntry;
import gov.workplan.targets.domain.PlanDocument.PlanHeader;
import gov.workplan.targets.domain.PlanDocument.ReportingRule;
import gov.workplan.targets.domain.PlanDocument.TargetEntry;
import gov.workplan.targets.domain.PlanDocument.TaskEntry;
import gov.workplan.targets.domain.PlanDocument.UnitEntry;
import gov.workplan.targets.domain.ReportingFrequency;
import gov.workplan.targets.domain.TargetKind;
import gov.workplan.targets.domain.TargetSource;
import gov.workplan.targets.domain.UnitCategory;

/**
 * A whole plan as a workbook an office fills in (方案填报表): the header and reporting rule, goals, appendices and
 * notes, industries, units, indicators, the targets the text states, the decomposition table laid out as the
 * document lays it out (units down, indicator × year across), and the tasks with their lead and co-responsible
 * units. Read back into the import's document all or nothing; every error names its cell, and the document's own
 * rules' errors are named by the cell the field came from ({@link Read#cellOf}). Pure: no Quarkus.
 */
public final class PlanWorkbook {

    public static final XlsxUpload.Limits LIMITS = new XlsxUpload.Limits(10 * 1024 * 1024, 64, 200L * 1024 * 1024, 16,
            200_000, 300, 20_000, 30, 4);

    static final String PLAN = "Plan";
    static final String GOALS = "Goals";
    static final String APPENDICES = "Appendices";
    static final String NOTES = "Notes";
    static final String INDUSTRIES = "Industries";
    static final String UNITS = "Units";
    static final String INDICATORS = "Indicators";
    static final String TARGETS = "Targets";
    static final String DECOMPOSITION = "Decomposition";
    static final String TASKS = "Tasks";
    /** Rows above the data: a title line and the column heads (Decomposition: title, indicator, name, year, kind). */
    static final int FIRST_ROW = 2;
    static final int DECOMPOSITION_FIRST_ROW = 6;
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    static final List<String> PLAN_FIELDS = List.of("code", "title", "titleEn", "noticeTitle", "documentNumber", "issuer",
            "issuerEn", "issuedOn", "publishedOn", "indexNumber", "category", "sourceUrl", "addressees", "preamble",
            "spanFrom", "spanTo", "topUnit", "officeUnit", "approverUnit", "reporting.frequency",
            "reporting.dueMonthOfNextQuarter", "reporting.dueDayOfMonth", "reporting.zone", "reporting.recipientUnit",
            "reporting.wording");
    private static final Map<String, String> PLAN_HELP = Map.ofEntries(Map.entry("code", "方案代码，如 szfb-2010-98"),
            Map.entry("title", "方案名称"), Map.entry("documentNumber", "文号"), Map.entry("issuer", "发文机关"),
            Map.entry("issuedOn", "成文日期 YYYY-MM-DD"), Map.entry("publishedOn", "发布日期 YYYY-MM-DD"),
            Map.entry("spanFrom", "起始年度"), Map.entry("spanTo", "截止年度"), Map.entry("topUnit", "目标所属单位（全市）"),
            Map.entry("officeUnit", "考核办公室"), Map.entry("approverUnit", "审定单位"),
            Map.entry("reporting.frequency", "报送频次：QUARTERLY"),
            Map.entry("reporting.dueMonthOfNextQuarter", "下季度第几个月报送（1–3）"),
            Map.entry("reporting.dueDayOfMonth", "当月几日前（1–28）"), Map.entry("reporting.recipientUnit", "报送对象单位"));
    static final List<String> INDICATOR_HEADS = List.of("code", "nameZh", "nameEn", "industry", "unitOfMeasure",
            "unitOfMeasureEn", "caliber", "sumOf", "description");
    static final List<String> TARGET_HEADS = List.of("unit", "indicator", "year", "kind", "value", "maxValue", "wording",
            "source");
    static final List<String> TASK_HEADS = List.of("code", "section", "parent", "title", "titleEn", "description",
            "responsibleText", "lead", "coResponsible", "deadline", "deadlineText", "note");

    private PlanWorkbook() {
    }

    // ---------------------------------------------------------------- writing

    /** The workbook of a plan (or, for {@code null}, the empty template). */
    public static byte[] write(PlanDocument doc) {
        PlanDocument d = doc == null ? new PlanDocument(1, null, List.of(), List.of(), List.of(), List.of(), List.of()) : doc;
        PlanHeader h = d.plan();
        Layout layout = Layout.of(d.targets() == null ? List.of() : d.targets());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "workplan-suite", "1.0");
            Worksheet plan = sheet(wb, PLAN, "方案 — the plan's header and reporting rule (one value per line)",
                    List.of("field", "value", "说明"));
            for (int i = 0; i < PLAN_FIELDS.size(); i++) {
                String field = PLAN_FIELDS.get(i);
                Xlsx.cell(plan, FIRST_ROW + i, 0, field);
                Xlsx.cell(plan, FIRST_ROW + i, 1, h == null ? null : headerValue(h, field));
                Xlsx.cell(plan, FIRST_ROW + i, 2, PLAN_HELP.get(field));
            }
            plan.width(1, 60);
            rows(wb, GOALS, "年度目标表述 — goals in words", List.of("year", "statement"),
                    h == null || h.goals() == null ? List.of() : h.goals(), g -> Arrays.<Object>asList(g.year(), g.statement()));
            rows(wb, APPENDICES, "附件", List.of("number", "title", "included", "note"),
                    h == null || h.appendices() == null ? List.of() : h.appendices(),
                    a -> Arrays.<Object>asList(a.number(), a.title(), a.included() == null ? null : a.included().toString(), a.note()));
            rows(wb, NOTES, "说明 — notes on how the plan was read", List.of("note"),
                    h == null || h.notes() == null ? List.of() : h.notes(), n -> Arrays.<Object>asList(n));
            rows(wb, INDUSTRIES, "产业", List.of("code", "nameZh", "nameEn"), list(d.industries()),
                    i -> Arrays.<Object>asList(i.code(), i.nameZh(), i.nameEn()));
            rows(wb, UNITS, "责任单位", List.of("code", "nameZh", "nameEn", "category", "parent"), list(d.units()),
                    u -> Arrays.<Object>asList(u.code(), u.nameZh(), u.nameEn(), u.category() == null ? null : u.category().name(),
                            u.parent()));
            rows(wb, INDICATORS, "指标", INDICATOR_HEADS, list(d.indicators()),
                    i -> Arrays.<Object>asList(i.code(), i.nameZh(), i.nameEn(), i.industry(), i.unitOfMeasure(),
                            i.unitOfMeasureEn(), i.caliber() == null ? null : i.caliber().name(),
                            i.sumOf() == null ? null : String.join(", ", i.sumOf()), i.description()));
            rows(wb, TARGETS, "目标 — the targets the text states (the decomposition table is on its own sheet)",
                    TARGET_HEADS, layout.listed(),
                    t -> Arrays.<Object>asList(t.unit(), t.indicator(), t.year(), t.kind() == null ? null : t.kind().name(),
                            t.value(), t.maxValue(), t.wording(), t.source() == null ? null : t.source().name()));
            decomposition(wb, layout, d.units() == null ? List.of() : d.units(), list(d.indicators()));
            rows(wb, TASKS, "任务 — lead (牵头) and co-responsible (配合) units by code, separated by commas", TASK_HEADS,
                    list(d.tasks()), t -> Arrays.<Object>asList(t.code(), t.section(), t.parent(), t.title(), t.titleEn(),
                            t.description(), t.responsibleText(), t.lead() == null ? null : String.join(", ", t.lead()),
                            t.coResponsible() == null ? null : String.join(", ", t.coResponsible()),
                            t.deadline() == null ? null : t.deadline().toString(), t.deadlineText(), t.note()));
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a workbook in memory", e);
        }
        return out.toByteArray();
    }

    private static Object headerValue(PlanHeader h, String field) {
        ReportingRule r = h.reporting();
        return switch (field) {
            case "code" -> h.code();
            case "title" -> h.title();
            case "titleEn" -> h.titleEn();
            case "noticeTitle" -> h.noticeTitle();
            case "documentNumber" -> h.documentNumber();
            case "issuer" -> h.issuer();
            case "issuerEn" -> h.issuerEn();
            case "issuedOn" -> h.issuedOn() == null ? null : h.issuedOn().toString();
            case "publishedOn" -> h.publishedOn() == null ? null : h.publishedOn().toString();
            case "indexNumber" -> h.indexNumber();
            case "category" -> h.category();
            case "sourceUrl" -> h.sourceUrl();
            case "addressees" -> h.addressees();
            case "preamble" -> h.preamble();
            case "spanFrom" -> h.spanFrom();
            case "spanTo" -> h.spanTo();
            case "topUnit" -> h.topUnit();
            case "officeUnit" -> h.officeUnit();
            case "approverUnit" -> h.approverUnit();
            case "reporting.frequency" -> r == null || r.frequency() == null ? null : r.frequency().name();
            case "reporting.dueMonthOfNextQuarter" -> r == null ? null : r.dueMonthOfNextQuarter();
            case "reporting.dueDayOfMonth" -> r == null ? null : r.dueDayOfMonth();
            case "reporting.zone" -> r == null ? null : r.zone();
            case "reporting.recipientUnit" -> r == null ? null : r.recipientUnit();
            case "reporting.wording" -> r == null ? null : r.wording();
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static Worksheet sheet(Workbook wb, String name, String title, List<String> heads) {
        Worksheet ws = wb.newWorksheet(name);
        ws.value(0, 0, title);
        ws.style(0, 0).bold().fontSize(13).set();
        for (int c = 0; c < heads.size(); c++) {
            ws.value(1, c, heads.get(c));
            ws.style(1, c).bold().fillColor("DDEBF7").set();
            ws.width(c, 18);
        }
        ws.freezePane(0, FIRST_ROW);
        return ws;
    }

    private static <T> void rows(Workbook wb, String name, String title, List<String> heads, List<T> items,
            Function<T, List<Object>> cells) {
        Worksheet ws = sheet(wb, name, title, heads);
        for (int r = 0; r < items.size(); r++) {
            List<Object> row = cells.apply(items.get(r));
            for (int c = 0; c < row.size(); c++) {
                Xlsx.cell(ws, FIRST_ROW + r, c, row.get(c));
            }
        }
    }

    private static void decomposition(Workbook wb, Layout layout, List<UnitEntry> units, List<IndicatorEntry> indicators) {
        Worksheet ws = wb.newWorksheet(DECOMPOSITION);
        ws.value(0, 0, "目标分解表 — one column per indicator and year, one row per unit; each cell a target (source TABLE)");
        ws.style(0, 0).bold().fontSize(13).set();
        String[] labels = { "indicator", "指标名称", "year", "kind" };
        for (int r = 0; r < labels.length; r++) {
            ws.value(1 + r, 0, labels[r]);
            ws.style(1 + r, 0).bold().fillColor("DDEBF7").set();
        }
        ws.value(5, 0, "unit");
        ws.value(5, 1, "单位名称");
        ws.style(5, 0).bold().fillColor("DDEBF7").set();
        ws.style(5, 1).bold().fillColor("DDEBF7").set();
        Map<String, String> names = new HashMap<>();
        indicators.forEach(i -> names.put(i.code(), i.nameZh()));
        for (int c = 0; c < layout.columns().size(); c++) {
            Layout.Column column = layout.columns().get(c);
            ws.value(1, 2 + c, column.indicator());
            Xlsx.cell(ws, 2, 2 + c, names.get(column.indicator()));
            ws.value(3, 2 + c, column.year());
            ws.value(4, 2 + c, column.kind().name());
            ws.width(2 + c, 14);
        }
        Map<String, String> unitNames = new HashMap<>();
        units.forEach(u -> unitNames.put(u.code(), u.nameZh()));
        for (int r = 0; r < layout.rows().size(); r++) {
            String unit = layout.rows().get(r);
            ws.value(DECOMPOSITION_FIRST_ROW + r, 0, unit);
            Xlsx.cell(ws, DECOMPOSITION_FIRST_ROW + r, 1, unitNames.get(unit));
            for (int c = 0; c < layout.columns().size(); c++) {
                Xlsx.cell(ws, DECOMPOSITION_FIRST_ROW + r, 2 + c, layout.columns().get(c).values().get(unit));
            }
        }
        ws.freezePane(2, DECOMPOSITION_FIRST_ROW);
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }

    /**
     * Which targets the Decomposition sheet holds: the plan's last targets, if they are table cells (source TABLE,
     * no wording, no upper bound) that read column by column — each column one indicator and year of one kind,
     * its rows in the same unit order — so that reading the sheet back gives them in the same order. Anything else
     * stays on the Targets sheet, where every target can be written.
     */
    record Layout(List<TargetEntry> listed, List<Column> columns, List<String> rows) {

        record Column(String indicator, int year, TargetKind kind, Map<String, BigDecimal> values) {
        }

        static Layout of(List<TargetEntry> targets) {
            int start = targets.size();
            while (start > 0 && cell(targets.get(start - 1))) {
                start--;
            }
            List<TargetEntry> tail = targets.subList(start, targets.size());
            List<Column> columns = new ArrayList<>();
            List<String> rows = new ArrayList<>();
            for (TargetEntry t : tail) {
                Column last = columns.isEmpty() ? null : columns.get(columns.size() - 1);
                if (last == null || !last.indicator().equals(t.indicator()) || last.year() != t.year()) {
                    last = new Column(t.indicator(), t.year(), t.kind(), new LinkedHashMap<>());
                    columns.add(last);
                }
                if (last.kind() != t.kind() || last.values().containsKey(t.unit())) {
                    return new Layout(targets, List.of(), List.of()); // not a table's shape
                }
                last.values().put(t.unit(), t.value());
                if (!rows.contains(t.unit())) {
                    rows.add(t.unit());
                }
            }
            // reading goes column by column, each in row order: the tail must be in that order already
            List<TargetEntry> reread = new ArrayList<>();
            for (Column column : columns) {
                for (String unit : rows) {
                    BigDecimal value = column.values().get(unit);
                    if (value != null) {
                        reread.add(new TargetEntry(unit, column.indicator(), column.year(), column.kind(), value, null, null,
                                TargetSource.TABLE));
                    }
                }
            }
            if (!reread.equals(tail)) {
                return new Layout(targets, List.of(), List.of());
            }
            return new Layout(targets.subList(0, start), columns, rows);
        }

        private static boolean cell(TargetEntry t) {
            return t != null && t.source() == TargetSource.TABLE && t.wording() == null && t.maxValue() == null
                    && t.unit() != null && t.indicator() != null && t.year() != null && t.kind() != null
                    && t.value() != null;
        }
    }

    // ---------------------------------------------------------------- reading

    /** A workbook read back: the document, and where each of its fields came from. */
    public record Read(PlanDocument document, Map<String, String> cells) {

        /** The cell a document path came from ({@code targets[3].value} → {@code Targets!E6}), or the path itself. */
        public String cellOf(String path) {
            String at = path;
            while (true) {
                String cell = cells.get(at);
                if (cell != null) {
                    return cell;
                }
                int dot = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
                if (dot <= 0) {
                    return path;
                }
                at = at.substring(0, dot);
            }
        }

        /** The document rules' errors, each named by its cell with the field's path in the message. */
        public List<FieldError> byCell(List<FieldError> errors) {
            return errors.stream().map(e -> new FieldError(cellOf(e.field()),
                    e.field() + ": " + e.message())).toList();
        }
    }

    /** Reads a filled workbook; 400 naming every unreadable cell (nothing is written by reading). */
    public static Read read(XlsxUpload upload) {
        Reader reader = new Reader(upload);
        PlanDocument doc = reader.document();
        reader.errors.throwIfAny();
        return new Read(doc, reader.cells);
    }

    private static final class Reader {
        final XlsxUpload upload;
        final FieldErrors errors = new FieldErrors();
        final Map<String, String> cells = new HashMap<>();

        Reader(XlsxUpload upload) {
            this.upload = upload;
        }

        PlanDocument document() {
            for (String sheet : List.of(PLAN, GOALS, APPENDICES, NOTES, INDUSTRIES, UNITS, INDICATORS, TARGETS,
                    DECOMPOSITION, TASKS)) {
                if (!upload.hasSheet(sheet)) {
                    errors.add("file", "has no sheet '" + sheet + "': start from the template (GET /api/v1/plan-workbooks/template)");
                }
            }
            if (!errors.isEmpty()) {
                return null;
            }
            PlanHeader header = header();
            List<IndustryEntry> industries = new ArrayList<>();
            for (Row row : data(INDUSTRIES)) {
                String at = "industries[" + industries.size() + "]";
                industries.add(new IndustryEntry(text(INDUSTRIES, row, 0, at + ".code"), text(INDUSTRIES, row, 1, at + ".nameZh"),
                        text(INDUSTRIES, row, 2, at + ".nameEn")));
            }
            List<UnitEntry> units = new ArrayList<>();
            for (Row row : data(UNITS)) {
                String at = "units[" + units.size() + "]";
                units.add(new UnitEntry(text(UNITS, row, 0, at + ".code"), text(UNITS, row, 1, at + ".nameZh"),
                        text(UNITS, row, 2, at + ".nameEn"), choice(UNITS, row, 3, at + ".category", UnitCategory.class),
                        text(UNITS, row, 4, at + ".parent")));
            }
            List<IndicatorEntry> indicators = new ArrayList<>();
            for (Row row : data(INDICATORS)) {
                String at = "indicators[" + indicators.size() + "]";
                List<String> sumOf = codes(INDICATORS, row, 7, at + ".sumOf");
                indicators.add(new IndicatorEntry(text(INDICATORS, row, 0, at + ".code"), text(INDICATORS, row, 1, at + ".nameZh"),
                        text(INDICATORS, row, 2, at + ".nameEn"), text(INDICATORS, row, 3, at + ".industry"),
                        text(INDICATORS, row, 4, at + ".unitOfMeasure"), text(INDICATORS, row, 5, at + ".unitOfMeasureEn"),
                        choice(INDICATORS, row, 6, at + ".caliber", Caliber.class), sumOf.isEmpty() ? null : sumOf,
                        text(INDICATORS, row, 8, at + ".description")));
            }
            List<TargetEntry> targets = new ArrayList<>();
            for (Row row : data(TARGETS)) {
                String at = "targets[" + targets.size() + "]";
                targets.add(new TargetEntry(text(TARGETS, row, 0, at + ".unit"), text(TARGETS, row, 1, at + ".indicator"),
                        integer(TARGETS, row, 2, at + ".year"), choice(TARGETS, row, 3, at + ".kind", TargetKind.class),
                        number(TARGETS, row, 4, at + ".value"), number(TARGETS, row, 5, at + ".maxValue"),
                        text(TARGETS, row, 6, at + ".wording"), choice(TARGETS, row, 7, at + ".source", TargetSource.class)));
            }
            decompositionTargets(targets);
            List<TaskEntry> tasks = new ArrayList<>();
            for (Row row : data(TASKS)) {
                String at = "tasks[" + tasks.size() + "]";
                tasks.add(new TaskEntry(text(TASKS, row, 0, at + ".code"), integer(TASKS, row, 1, at + ".section"),
                        text(TASKS, row, 2, at + ".parent"), text(TASKS, row, 3, at + ".title"),
                        text(TASKS, row, 4, at + ".titleEn"), text(TASKS, row, 5, at + ".description"),
                        text(TASKS, row, 6, at + ".responsibleText"), codes(TASKS, row, 7, at + ".lead"),
                        codes(TASKS, row, 8, at + ".coResponsible"), date(TASKS, row, 9, at + ".deadline"),
                        text(TASKS, row, 10, at + ".deadlineText"), text(TASKS, row, 11, at + ".note")));
            }
            return new PlanDocument(1, header, industries, units, indicators, targets, tasks);
        }

        private PlanHeader header() {
            Map<String, Row> byField = new HashMap<>();
            for (Row row : data(PLAN)) {
                String field = upload.text(PLAN, row, 0, errors);
                if (field == null) {
                    continue;
                }
                if (!PLAN_FIELDS.contains(field)) {
                    errors.add(XlsxUpload.address(PLAN, row, 0), "is not a field of the plan: one of " + PLAN_FIELDS);
                } else if (byField.put(field, row) != null) {
                    errors.add(XlsxUpload.address(PLAN, row, 0), "'" + field + "' is given twice");
                }
            }
            Function<String, String> text = f -> byField.containsKey(f) ? text(PLAN, byField.get(f), 1, "plan." + f) : null;
            Function<String, Integer> integer = f -> byField.containsKey(f) ? integer(PLAN, byField.get(f), 1, "plan." + f) : null;
            Function<String, LocalDate> date = f -> byField.containsKey(f) ? date(PLAN, byField.get(f), 1, "plan." + f) : null;
            ReportingFrequency frequency = byField.containsKey("reporting.frequency")
                    ? choice(PLAN, byField.get("reporting.frequency"), 1, "plan.reporting.frequency", ReportingFrequency.class)
                    : null;
            ReportingRule reporting = new ReportingRule(frequency, integer.apply("reporting.dueMonthOfNextQuarter"),
                    integer.apply("reporting.dueDayOfMonth"), text.apply("reporting.zone"),
                    text.apply("reporting.recipientUnit"), text.apply("reporting.wording"));
            List<GoalEntry> goals = new ArrayList<>();
            for (Row row : data(GOALS)) {
                String at = "plan.goals[" + goals.size() + "]";
                goals.add(new GoalEntry(integer(GOALS, row, 0, at + ".year"), text(GOALS, row, 1, at + ".statement")));
            }
            List<AppendixEntry> appendices = new ArrayList<>();
            for (Row row : data(APPENDICES)) {
                String at = "plan.appendices[" + appendices.size() + "]";
                appendices.add(new AppendixEntry(integer(APPENDICES, row, 0, at + ".number"),
                        text(APPENDICES, row, 1, at + ".title"), bool(APPENDICES, row, 2, at + ".included"),
                        text(APPENDICES, row, 3, at + ".note")));
            }
            List<String> notes = new ArrayList<>();
            for (Row row : data(NOTES)) {
                notes.add(text(NOTES, row, 0, "plan.notes[" + notes.size() + "]"));
            }
            return new PlanHeader(text.apply("code"), text.apply("title"), text.apply("titleEn"), text.apply("noticeTitle"),
                    text.apply("documentNumber"), text.apply("issuer"), text.apply("issuerEn"), date.apply("issuedOn"),
                    date.apply("publishedOn"), text.apply("indexNumber"), text.apply("category"), text.apply("sourceUrl"),
                    text.apply("addressees"), text.apply("preamble"), integer.apply("spanFrom"), integer.apply("spanTo"),
                    text.apply("topUnit"), text.apply("officeUnit"), text.apply("approverUnit"), reporting, goals,
                    appendices, notes);
        }

        /** The table's cells, column by column, each column's rows top to bottom: targets of source TABLE. */
        private void decompositionTargets(List<TargetEntry> targets) {
            List<Row> rows = upload.rows(DECOMPOSITION);
            Row indicatorRow = rowAt(rows, 2);
            Row yearRow = rowAt(rows, 4);
            Row kindRow = rowAt(rows, 5);
            if (indicatorRow == null) {
                return;
            }
            List<Row> unitRows = rows.stream().filter(r -> r.getRowNum() > DECOMPOSITION_FIRST_ROW).toList();
            for (int c = 2; c < indicatorRow.getCellCount(); c++) {
                String indicator = upload.text(DECOMPOSITION, indicatorRow, c, errors);
                if (indicator == null) {
                    continue;
                }
                Integer year = yearRow == null ? null : integer(DECOMPOSITION, yearRow, c, null);
                TargetKind kind = kindRow == null ? null : choice(DECOMPOSITION, kindRow, c, null, TargetKind.class);
                if (year == null) {
                    errors.add(XlsxUpload.address(DECOMPOSITION, yearRow == null ? indicatorRow : yearRow, c),
                            "the column's year is required");
                }
                if (kind == null) {
                    errors.add(XlsxUpload.address(DECOMPOSITION, kindRow == null ? indicatorRow : kindRow, c),
                            "the column's kind is required: AT_LEAST, ABOUT or STRIVE_FOR");
                }
                for (Row row : unitRows) {
                    BigDecimal value = number(DECOMPOSITION, row, c, null);
                    if (value == null) {
                        continue;
                    }
                    String at = "targets[" + targets.size() + "]";
                    String unit = text(DECOMPOSITION, row, 0, at + ".unit");
                    if (unit == null) {
                        errors.add(XlsxUpload.address(DECOMPOSITION, row, 0), "a row with values needs its unit's code");
                    }
                    cells.put(at, XlsxUpload.address(DECOMPOSITION, row, c));
                    cells.put(at + ".value", XlsxUpload.address(DECOMPOSITION, row, c));
                    cells.put(at + ".indicator", XlsxUpload.address(DECOMPOSITION, indicatorRow, c));
                    cells.put(at + ".year", XlsxUpload.address(DECOMPOSITION, yearRow == null ? indicatorRow : yearRow, c));
                    cells.put(at + ".kind", XlsxUpload.address(DECOMPOSITION, kindRow == null ? indicatorRow : kindRow, c));
                    targets.add(new TargetEntry(unit, indicator, year, kind, value, null, null, TargetSource.TABLE));
                }
            }
        }

        private static Row rowAt(List<Row> rows, int rowNum) {
            return rows.stream().filter(r -> r.getRowNum() == rowNum).findFirst().orElse(null);
        }

        /** The sheet's data rows (below its heads), without the empty ones. */
        private List<Row> data(String sheet) {
            return upload.rows(sheet).stream().filter(r -> r.getRowNum() > FIRST_ROW)
                    .filter(r -> r.stream().anyMatch(c -> c != null && c.getRawValue() != null && !c.getRawValue().isBlank()))
                    .toList();
        }

        private String text(String sheet, Row row, int col, String path) {
            remember(sheet, row, col, path);
            String value = upload.text(sheet, row, col, errors);
            return value == null || value.isBlank() ? null : value;
        }

        private BigDecimal number(String sheet, Row row, int col, String path) {
            remember(sheet, row, col, path);
            return upload.number(sheet, row, col, errors);
        }

        private Integer integer(String sheet, Row row, int col, String path) {
            BigDecimal n = number(sheet, row, col, path);
            if (n == null) {
                return null;
            }
            try {
                return n.intValueExact();
            } catch (ArithmeticException e) {
                errors.add(XlsxUpload.address(sheet, row, col), "must be a whole number");
                return null;
            }
        }

        private LocalDate date(String sheet, Row row, int col, String path) {
            String value = text(sheet, row, col, path);
            if (value == null) {
                return null;
            }
            try {
                if (value.matches("\\d{1,6}")) {
                    return EXCEL_EPOCH.plusDays(Long.parseLong(value)); // a date typed as a date
                }
                return LocalDate.parse(value.trim());
            } catch (DateTimeParseException e) {
                errors.add(XlsxUpload.address(sheet, row, col), "must be a date YYYY-MM-DD; got '" + value + "'");
                return null;
            }
        }

        private Boolean bool(String sheet, Row row, int col, String path) {
            String value = text(sheet, row, col, path);
            if (value == null) {
                return null;
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1", "是" -> true;
                case "false", "no", "0", "否" -> false;
                default -> {
                    errors.add(XlsxUpload.address(sheet, row, col), "must be true or false");
                    yield null;
                }
            };
        }

        private <E extends Enum<E>> E choice(String sheet, Row row, int col, String path, Class<E> type) {
            String value = text(sheet, row, col, path);
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.trim());
            } catch (IllegalArgumentException e) {
                errors.add(XlsxUpload.address(sheet, row, col), "must be one of " + Arrays.toString(type.getEnumConstants()));
                return null;
            }
        }

        /** Codes separated by commas (or 、 or spaces): lead units, co-responsible units, components. */
        private List<String> codes(String sheet, Row row, int col, String path) {
            String value = text(sheet, row, col, path);
            if (value == null) {
                return new ArrayList<>();
            }
            List<String> codes = new ArrayList<>();
            for (String code : value.split("[,，、;；\\s]+")) {
                if (!code.isEmpty()) {
                    codes.add(code);
                }
            }
            return codes;
        }

        private void remember(String sheet, Row row, int col, String path) {
            if (path != null) {
                cells.put(path, XlsxUpload.address(sheet, row, col));
                int dot = path.lastIndexOf('.');
                if (dot > 0) {
                    cells.putIfAbsent(path.substring(0, dot), XlsxUpload.address(sheet, row, 0));
                }
            }
        }
    }
}
