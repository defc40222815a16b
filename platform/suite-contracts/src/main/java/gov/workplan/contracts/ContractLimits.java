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

    private ContractLimits() {
    }
}
