package gov.workplan.targets.domain;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import gov.workplan.contracts.ContractField;
import gov.workplan.contracts.ContractLimits;

import gov.workplan.common.problem.FieldErrors;
import gov.workplan.targets.domain.PlanDocument.IndicatorEntry;
import gov.workplan.targets.domain.PlanDocument.IndustryEntry;
import gov.workplan.targets.domain.PlanDocument.PlanHeader;
import gov.workplan.targets.domain.PlanDocument.ReportingRule;
import gov.workplan.targets.domain.PlanDocument.TargetEntry;
import gov.workplan.targets.domain.PlanDocument.TaskEntry;
import gov.workplan.targets.domain.PlanDocument.UnitEntry;

/**
 * Everything a plan document must satisfy before any of it is written. Pure: the units and
 * industries already registered are passed in, so the rules run without a database.
 */
public final class PlanDocumentRules {

    public static final Pattern CODE = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    public static final Pattern INDICATOR_CODE = Pattern.compile("[a-z0-9](?:[a-z0-9.-]{0,98}[a-z0-9])?");
    public static final Pattern TASK_CODE = Pattern.compile("[0-9A-Za-z]{1,8}(?:\\.[0-9A-Za-z]{1,8}){0,3}");
    private static final int MIN_YEAR = ContractLimits.MIN_YEAR;
    private static final int MAX_YEAR = ContractLimits.MAX_YEAR;

    private final PlanDocument doc;
    private final Function<String, UnitEntry> registeredUnit;
    private final Function<String, IndustryEntry> registeredIndustry;
    private final FieldErrors errors = new FieldErrors();
    private final Map<String, UnitEntry> units = new HashMap<>();
    private final Set<String> industries = new HashSet<>();
    private final Set<String> indicators = new HashSet<>();

    private PlanDocumentRules(PlanDocument doc, Function<String, UnitEntry> registeredUnit,
            Function<String, IndustryEntry> registeredIndustry) {
        this.doc = doc;
        this.registeredUnit = registeredUnit;
        this.registeredIndustry = registeredIndustry;
    }

    /**
     * Checks a document. {@code registeredUnit} and {@code registeredIndustry} answer the entry
     * already registered under a code, or null: a document may reuse a unit, but not redefine it.
     */
    public static FieldErrors check(PlanDocument doc, Function<String, UnitEntry> registeredUnit,
            Function<String, IndustryEntry> registeredIndustry) {
        PlanDocumentRules rules = new PlanDocumentRules(doc, registeredUnit, registeredIndustry);
        rules.run();
        return rules.errors;
    }

    private void run() {
        if (doc == null) {
            errors.add("body", "a plan document is required");
            return;
        }
        if (doc.formatVersion() == null || doc.formatVersion() != 1) {
            errors.add("formatVersion", "must be 1");
        }
        industries();
        units();
        indicators();
        header();
        targets();
        tasks();
    }

    private void header() {
        PlanHeader plan = doc.plan();
        if (plan == null) {
            errors.add("plan", "is required");
            return;
        }
        code(plan.code(), CODE, "plan.code");
        text(plan.title(), ContractField.PLAN_TITLE.maxLength(), true, "plan.title");
        text(plan.titleEn(), ContractField.PLAN_TITLE_EN.maxLength(), false, "plan.titleEn");
        text(plan.noticeTitle(), 500, false, "plan.noticeTitle");
        text(plan.documentNumber(), ContractLimits.DOCUMENT_NUMBER, false, "plan.documentNumber");
        text(plan.issuer(), ContractLimits.ISSUER, false, "plan.issuer");
        text(plan.issuerEn(), ContractLimits.ISSUER, false, "plan.issuerEn");
        text(plan.indexNumber(), 100, false, "plan.indexNumber");
        text(plan.category(), 100, false, "plan.category");
        text(plan.sourceUrl(), 1000, false, "plan.sourceUrl");
        text(plan.addressees(), 500, false, "plan.addressees");
        text(plan.preamble(), 20_000, false, "plan.preamble");
        if (plan.issuedOn() != null && plan.publishedOn() != null && plan.publishedOn().isBefore(plan.issuedOn())) {
            errors.add("plan.publishedOn", "must not be before issuedOn");
        }
        year(plan.spanFrom(), "plan.spanFrom");
        year(plan.spanTo(), "plan.spanTo");
        if (plan.spanFrom() != null && plan.spanTo() != null && plan.spanTo() < plan.spanFrom()) {
            errors.add("plan.spanTo", "must not be before spanFrom");
        }
        unitRef(plan.topUnit(), true, "plan.topUnit");
        unitRef(plan.officeUnit(), true, "plan.officeUnit");
        unitRef(plan.approverUnit(), false, "plan.approverUnit");
        reporting(plan.reporting());
        list(plan.goals(), "plan.goals", (goal, at) -> {
            if (inSpan(goal.year()) == null) {
                errors.add(at + ".year", "must be a year within the plan's span");
            }
            text(goal.statement(), 20_000, true, at + ".statement");
        });
        list(plan.appendices(), "plan.appendices", (appendix, at) -> {
            if (appendix.number() == null || appendix.number() < 1) {
                errors.add(at + ".number", "must be a positive number");
            }
            text(appendix.title(), 500, true, at + ".title");
            if (appendix.included() == null) {
                errors.add(at + ".included", "is required");
            }
            text(appendix.note(), 1000, false, at + ".note");
        });
        list(plan.notes(), "plan.notes", (note, at) -> text(note, 20_000, true, at));
    }

    private void reporting(ReportingRule rule) {
        if (rule == null) {
            errors.add("plan.reporting", "is required");
            return;
        }
        if (rule.frequency() == null) {
            errors.add("plan.reporting.frequency", "is required: QUARTERLY");
        }
        if (rule.dueMonthOfNextQuarter() == null || rule.dueMonthOfNextQuarter() < 1 || rule.dueMonthOfNextQuarter() > 3) {
            errors.add("plan.reporting.dueMonthOfNextQuarter", "must be 1, 2 or 3");
        }
        if (rule.dueDayOfMonth() == null || rule.dueDayOfMonth() < 1 || rule.dueDayOfMonth() > 28) {
            errors.add("plan.reporting.dueDayOfMonth", "must be between 1 and 28, a day every month has");
        }
        if (rule.zone() == null) {
            errors.add("plan.reporting.zone", "is required, e.g. Asia/Shanghai");
        } else {
            try {
                ZoneId.of(rule.zone());
            } catch (DateTimeException e) {
                errors.add("plan.reporting.zone", "is not a known time zone");
            }
        }
        unitRef(rule.recipientUnit(), true, "plan.reporting.recipientUnit");
        text(rule.wording(), 1000, false, "plan.reporting.wording");
    }

    private void industries() {
        list(doc.industries(), "industries", (industry, at) -> {
            if (code(industry.code(), CODE, at + ".code") && !industries.add(industry.code())) {
                errors.add(at + ".code", "'" + industry.code() + "' is listed twice");
            }
            text(industry.nameZh(), ContractField.INDUSTRY_NAME_ZH.maxLength(), true, at + ".nameZh");
            text(industry.nameEn(), ContractField.INDUSTRY_NAME_EN.maxLength(), true, at + ".nameEn");
            IndustryEntry registered = industry.code() == null ? null : registeredIndustry.apply(industry.code());
            if (registered != null && !registered.equals(industry)) {
                errors.add(at, "industry '" + industry.code() + "' is registered with other names");
            }
        });
    }

    private void units() {
        List<UnitEntry> entries = doc.units() == null ? List.of() : doc.units();
        list(entries, "units", (unit, at) -> {
            if (code(unit.code(), CODE, at + ".code") && units.put(unit.code(), unit) != null) {
                errors.add(at + ".code", "'" + unit.code() + "' is listed twice");
            }
            text(unit.nameZh(), ContractField.UNIT_NAME_ZH.maxLength(), true, at + ".nameZh");
            text(unit.nameEn(), ContractField.UNIT_NAME_EN.maxLength(), true, at + ".nameEn");
            if (unit.category() == null) {
                errors.add(at + ".category", "is required: one of CITY, DISTRICT, DEPARTMENT, ENTERPRISE, LEADING_GROUP");
            }
            UnitEntry registered = unit.code() == null ? null : registeredUnit.apply(unit.code());
            if (registered != null && !registered.equals(unit)) {
                errors.add(at, "unit '" + unit.code() + "' is registered with other names, category or parent");
            }
        });
        for (int i = 0; i < entries.size(); i++) {
            UnitEntry unit = entries.get(i);
            if (unit != null && unit.parent() != null) {
                if (!units.containsKey(unit.parent())) {
                    errors.add("units[" + i + "].parent", "unit '" + unit.parent() + "' is not in the document's units");
                } else if (cyclic(unit)) {
                    errors.add("units[" + i + "].parent", "makes the unit its own ancestor");
                }
            }
        }
    }

    private boolean cyclic(UnitEntry start) {
        Set<String> seen = new HashSet<>();
        UnitEntry at = start;
        while (at != null && at.parent() != null) {
            if (!seen.add(at.code())) {
                return true;
            }
            at = units.get(at.parent());
        }
        return false;
    }

    private void indicators() {
        List<IndicatorEntry> entries = doc.indicators() == null ? List.of() : doc.indicators();
        list(entries, "indicators", (indicator, at) -> {
            if (code(indicator.code(), INDICATOR_CODE, at + ".code") && !indicators.add(indicator.code())) {
                errors.add(at + ".code", "'" + indicator.code() + "' is listed twice");
            }
            text(indicator.nameZh(), ContractField.INDICATOR_NAME_ZH.maxLength(), true, at + ".nameZh");
            text(indicator.nameEn(), ContractField.INDICATOR_NAME_EN.maxLength(), true, at + ".nameEn");
            text(indicator.unitOfMeasure(), ContractField.UNIT_OF_MEASURE.maxLength(), true, at + ".unitOfMeasure");
            text(indicator.unitOfMeasureEn(), ContractLimits.UNIT_OF_MEASURE, false, at + ".unitOfMeasureEn");
            text(indicator.description(), ContractLimits.INDICATOR_DESCRIPTION, false, at + ".description");
            if (indicator.industry() != null && !industries.contains(indicator.industry())) {
                errors.add(at + ".industry", "industry '" + indicator.industry() + "' is not in the document's industries");
            }
        });
        for (int i = 0; i < entries.size(); i++) {
            IndicatorEntry indicator = entries.get(i);
            if (indicator == null || indicator.sumOf() == null) {
                continue;
            }
            Set<String> components = new HashSet<>();
            for (int j = 0; j < indicator.sumOf().size(); j++) {
                String component = indicator.sumOf().get(j);
                String at = "indicators[" + i + "].sumOf[" + j + "]";
                if (component == null || !indicators.contains(component)) {
                    errors.add(at, "indicator '" + component + "' is not in the document's indicators");
                } else if (component.equals(indicator.code())) {
                    errors.add(at, "an indicator cannot be a component of itself");
                } else if (!components.add(component)) {
                    errors.add(at, "'" + component + "' is listed twice");
                }
            }
        }
    }

    private void targets() {
        Set<String> seen = new HashSet<>();
        list(doc.targets(), "targets", (target, at) -> {
            unitRef(target.unit(), true, at + ".unit");
            if (target.indicator() == null) {
                errors.add(at + ".indicator", "is required");
            } else if (!indicators.contains(target.indicator())) {
                errors.add(at + ".indicator", "indicator '" + target.indicator() + "' is not in the document's indicators");
            }
            if (target.year() == null) {
                errors.add(at + ".year", "is required");
            } else if (inSpan(target.year()) == null) {
                errors.add(at + ".year", "must be within the plan's span");
            }
            TargetValue.check(target.kind(), target.value(), target.maxValue(), at + ".", errors);
            text(target.wording(), ContractLimits.WORDING, false, at + ".wording");
            if (target.source() == null) {
                errors.add(at + ".source", "is required: TEXT or TABLE");
            }
            if (!seen.add(target.unit() + "|" + target.indicator() + "|" + target.year())) {
                errors.add(at, "a second target for the same unit, indicator and year");
            }
        });
    }

    private void tasks() {
        List<TaskEntry> entries = doc.tasks() == null ? List.of() : doc.tasks();
        Set<String> codes = new HashSet<>();
        list(entries, "tasks", (task, at) -> {
            if (code(task.code(), TASK_CODE, at + ".code") && !codes.add(task.code())) {
                errors.add(at + ".code", "'" + task.code() + "' is listed twice");
            }
            if (task.section() == null || task.section() < 1 || task.section() > ContractLimits.MAX_SECTION) {
                errors.add(at + ".section", "must be a section number from 1 to 99");
            }
            text(task.title(), ContractField.TASK_TITLE.maxLength(), false, at + ".title");
            text(task.titleEn(), ContractLimits.TASK_TITLE, false, at + ".titleEn");
            text(task.description(), ContractField.TASK_DESCRIPTION.maxLength(), false, at + ".description");
            if (blank(task.title()) && blank(task.description())) {
                errors.add(at + ".description", "is required when the task has no title");
            }
            text(task.responsibleText(), 1000, false, at + ".responsibleText");
            text(task.deadlineText(), ContractLimits.DEADLINE_TEXT, false, at + ".deadlineText");
            text(task.note(), 2000, false, at + ".note");
            Set<String> responsible = new HashSet<>();
            units(task.lead(), at + ".lead", responsible);
            units(task.coResponsible(), at + ".coResponsible", responsible);
        });
        for (int i = 0; i < entries.size(); i++) {
            TaskEntry task = entries.get(i);
            if (task != null && task.parent() != null
                    && (!codes.contains(task.parent()) || task.parent().equals(task.code()))) {
                errors.add("tasks[" + i + "].parent", "task '" + task.parent() + "' is not another task of the document");
            }
        }
    }

    private void units(List<String> codes, String at, Set<String> seen) {
        if (codes == null) {
            return;
        }
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (unitRef(code, true, at + "[" + i + "]") && !seen.add(code)) {
                errors.add(at + "[" + i + "]", "unit '" + code + "' is named twice in the task");
            }
        }
    }

    private Integer inSpan(Integer year) {
        PlanHeader plan = doc.plan();
        if (year == null || plan == null || plan.spanFrom() == null || plan.spanTo() == null) {
            return year;
        }
        return year >= plan.spanFrom() && year <= plan.spanTo() ? year : null;
    }

    private boolean unitRef(String code, boolean required, String at) {
        if (code == null) {
            if (required) {
                errors.add(at, "is required");
            }
            return false;
        }
        if (!units.containsKey(code)) {
            errors.add(at, "unit '" + code + "' is not in the document's units");
            return false;
        }
        return true;
    }

    private boolean code(String value, Pattern pattern, String at) {
        if (value == null) {
            errors.add(at, "is required");
            return false;
        }
        if (!pattern.matcher(value).matches()) {
            errors.add(at, "must be a lower-case ASCII code like 'szfb-2010-98' (task codes like '3.1.1')");
            return false;
        }
        return true;
    }

    private void year(Integer year, String at) {
        if (year == null) {
            errors.add(at, "is required");
        } else if (year < MIN_YEAR || year > MAX_YEAR) {
            errors.add(at, "must be a year between " + MIN_YEAR + " and " + MAX_YEAR);
        }
    }

    private void text(String value, int max, boolean required, String at) {
        if (blank(value)) {
            if (required) {
                errors.add(at, "is required");
            }
        } else if (value.length() > max) {
            errors.add(at, "must be at most " + max + " characters");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private <T> void list(List<T> items, String at, Entry<T> check) {
        if (items == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            if (item == null) {
                errors.add(at + "[" + i + "]", "must not be null");
            } else {
                check.accept(item, at + "[" + i + "]");
            }
        }
    }

    @FunctionalInterface
    private interface Entry<T> {
        void accept(T item, String at);
    }
}
