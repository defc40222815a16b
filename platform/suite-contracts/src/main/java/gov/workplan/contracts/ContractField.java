package gov.workplan.contracts;

import java.util.List;

/**
 * Every string field an event carries from its owner to other services, with the one limit that holds
 * for it everywhere: the owner refuses a longer value (400 naming the field), and every column that
 * stores it — in the owner's database and in each consumer's copy — is at least that wide
 * ({@code ContractColumnsTest} in platform/deployment-check reads every service's Flyway schema and
 * fails otherwise). Before this existed, an indicator name of 250 characters was taken by
 * targets-service (300) and parked by reporting and assessment (200): their copies of the plan forked.
 *
 * <p>{@link #storedIn()} names the columns as {@code service:table.column}. A consumer that stores a
 * field in a column of its own adds the column here in the same change; {@link #events()} names where the
 * AsyncAPI document declares the field, with the same limit.
 */
public enum ContractField {

    PLAN_CODE("plan.code", ContractLimits.CODE, List.of("plan.registered:code"), "targets:plan.code", "reporting:plan.code", "assessment:plan.code",
            "reporting:report.plan_code", "assessment:report.plan_code", "assessment:assessment_result.plan_code"),
    PLAN_TITLE("plan.title", ContractLimits.TITLE, List.of("plan.registered:title"), "targets:plan.title", "reporting:plan.title", "assessment:plan.title"),
    PLAN_TITLE_EN("plan.titleEn", ContractLimits.TITLE, List.of("plan.registered:titleEn"), "targets:plan.title_en", "assessment:plan.title_en"),
    UNIT_CODE("unit.code", ContractLimits.CODE, List.of("unit.registered:code"), "targets:unit.code", "reporting:unit.code", "assessment:unit.code",
            "reporting:report.unit_code", "assessment:report.unit_code", "reporting:target.unit_code",
            "assessment:target.unit_code", "reporting:task_responsibility.unit_code",
            "assessment:task_responsibility.unit_code"),
    UNIT_NAME_ZH("unit.nameZh", ContractLimits.NAME, List.of("unit.registered:nameZh"), "targets:unit.name_zh", "reporting:unit.name_zh", "assessment:unit.name_zh"),
    UNIT_NAME_EN("unit.nameEn", ContractLimits.NAME, List.of("unit.registered:nameEn"), "targets:unit.name_en", "reporting:unit.name_en", "assessment:unit.name_en"),
    INDUSTRY_CODE("industry.code", ContractLimits.CODE, List.of(), "targets:industry.code", "assessment:plan_industry.code",
            "assessment:indicator.industry"),
    INDUSTRY_NAME_ZH("industry.nameZh", ContractLimits.NAME, List.of("plan.registered:industries[].nameZh"), "targets:industry.name_zh", "assessment:plan_industry.name_zh"),
    INDUSTRY_NAME_EN("industry.nameEn", ContractLimits.NAME, List.of("plan.registered:industries[].nameEn"), "targets:industry.name_en", "assessment:plan_industry.name_en"),
    INDICATOR_CODE("indicator.code", ContractLimits.INDICATOR_CODE, List.of("indicator.defined:code"), "targets:indicator.code", "reporting:indicator.code",
            "assessment:indicator.code", "reporting:target.indicator_code", "assessment:target.indicator_code"),
    INDICATOR_NAME_ZH("indicator.nameZh", ContractLimits.INDICATOR_NAME, List.of("indicator.defined:nameZh"), "targets:indicator.name_zh", "reporting:indicator.name_zh",
            "assessment:indicator.name_zh"),
    INDICATOR_NAME_EN("indicator.nameEn", ContractLimits.INDICATOR_NAME, List.of("indicator.defined:nameEn"), "targets:indicator.name_en", "reporting:indicator.name_en"),
    UNIT_OF_MEASURE("indicator.unitOfMeasure", ContractLimits.UNIT_OF_MEASURE, List.of("indicator.defined:unitOfMeasure"), "targets:indicator.unit_of_measure",
            "reporting:indicator.unit_of_measure", "assessment:indicator.unit_of_measure"),
    TASK_CODE("task.code", ContractLimits.TASK_CODE, List.of("task.defined:code"), "targets:task.code", "reporting:task.code", "assessment:task.code",
            "reporting:task_responsibility.task_code", "assessment:task_responsibility.task_code"),
    TASK_TITLE("task.title", ContractLimits.TASK_TITLE, List.of("task.defined:title"), "targets:task.title", "reporting:task.title", "assessment:task.title"),
    /** A task without a title is shown by its description: the consumers' title column holds either. */
    TASK_DESCRIPTION("task.description", ContractLimits.DESCRIPTION, List.of("task.defined:description"), "targets:task.description", "reporting:task.title",
            "assessment:task.title"),
    REPORT_PERIOD("report.period", ContractLimits.PERIOD, List.of(), "reporting:report.period_code", "assessment:report.period_code",
            "assessment:unit_assessment.period_code"),
    ACTOR("actor", ContractLimits.ACTOR, List.of(), "targets:target_revision.changed_by", "reporting:report_version.actor",
            "reporting:report.created_by", "assessment:assessment_result.frozen_by",
            "assessment:assessment_result.approved_by", "assessment:assessment_result.published_by"),
    REASON("reason", ContractLimits.REASON, List.of(), "targets:target_revision.reason", "reporting:report_version.reason");

    private final String field;
    private final int maxLength;
    private final List<String> events;
    private final List<String> storedIn;

    ContractField(String field, int maxLength, List<String> events, String... storedIn) {
        this.field = field;
        this.maxLength = maxLength;
        this.events = events;
        this.storedIn = List.of(storedIn);
    }

    /**
     * Where the AsyncAPI document (platform/contracts/asyncapi.yaml) declares the field, as
     * {@code event-type:property} within the payload ({@code industries[].nameZh} for an array's items):
     * each must say {@code maxLength} equal to {@link #maxLength()} (ContractsTest checks both ways).
     */
    public List<String> events() {
        return events;
    }

    /** The field as the events and the plan document name it, e.g. {@code indicator.nameZh}. */
    public String field() {
        return field;
    }

    public int maxLength() {
        return maxLength;
    }

    /** Every column that stores the field, as {@code service:table.column}. */
    public List<String> storedIn() {
        return storedIn;
    }
}
