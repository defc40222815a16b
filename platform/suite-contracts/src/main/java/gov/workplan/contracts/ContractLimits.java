package gov.workplan.contracts;

/**
 * The numbers of {@link ContractField}, as compile-time constants so that request records can declare them
 * ({@code @Size(max = ContractLimits.CODE)}): one limit per field, the same in every service.
 */
public final class ContractLimits {

    /** Plan, unit and industry codes. */
    public static final int CODE = 64;
    public static final int INDICATOR_CODE = 100;
    public static final int TASK_CODE = 40;
    /** A reporting period, e.g. 2011-Q2. */
    public static final int PERIOD = 10;
    public static final int TITLE = 500;
    /** Unit and industry names. */
    public static final int NAME = 200;
    public static final int INDICATOR_NAME = 300;
    public static final int UNIT_OF_MEASURE = 50;
    public static final int TASK_TITLE = 300;
    public static final int DESCRIPTION = 20_000;
    /** A token subject, written as the actor of a change. */
    public static final int ACTOR = 200;
    public static final int REASON = 2000;

    // Fields only the owner stores: the owner's own limit, declared once here so the events say it too.
    /** The name of an enumeration value (a unit category, a target kind, a report status …). */
    public static final int ENUM_NAME = 20;
    public static final int DOCUMENT_NUMBER = 100;
    public static final int ISSUER = 200;
    public static final int ZONE = 64;
    public static final int INDICATOR_DESCRIPTION = 2000;
    public static final int WORDING = 500;
    public static final int DEADLINE_TEXT = 500;
    public static final int CHECKSUM = 64;
    /** An event's type, e.g. {@code plan.import-completed}, and the service that sent it. */
    public static final int EVENT_TYPE = 50;
    public static final int SERVICE = 50;
    /** A code a report names (an indicator or a task of the plan; the report's own limit). */
    public static final int REPORT_CODE = 100;
    public static final int EXPLANATION = 2000;
    public static final int NOTE = 4000;
    public static final int URL = 2000;
    /** The items of a report's content, per list. */
    public static final int REPORT_ITEMS = 1000;
    public static final int WARNING_FIELD = 200;
    public static final int WARNING_MESSAGE = 2000;
    public static final int OFFICER_NAME = 100;
    public static final int OFFICER_PHONE = 40;
    public static final int OFFICER_EMAIL = 200;
    /** A line of an annual breakdown an objection names, e.g. {@code indicator:scale.bio} (prefix + an indicator code). */
    public static final int ANNUAL_LINE = 140;
    /** A unit's chief official (行政主要领导), by name. */
    public static final int CHIEF_OFFICIAL_NAME = 100;

    // Numbers.
    public static final int MIN_YEAR = 1949;
    public static final int MAX_YEAR = 2200;
    /** Target values and reported figures: non-negative, below 10^15, at most four decimal places. */
    public static final int AMOUNT_INTEGER_DIGITS = 15;
    public static final int AMOUNT_FRACTION_DIGITS = 4;
    public static final int MAX_SECTION = 99;

    private ContractLimits() {
    }
}
