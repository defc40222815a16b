package gov.workplan.reporting.domain;

import gov.workplan.contracts.ContractLimits;

/**
 * The declared limits of reporting's request fields, each the width of the column that stores it (see
 * V1__reporting_schema.sql), the contract's (gov.workplan.contracts) where the field crosses to another service: the request records carry them as {@code @Size}, which the API enforces with
 * a 400 naming the field and the OpenAPI document publishes as {@code maxLength} for the bad-input sweep.
 */
public final class Limits {

    /** plan.code, unit.code: the contract's */
    public static final int CODE = ContractLimits.CODE;
    /** report.period_code: the contract's */
    public static final int PERIOD = ContractLimits.PERIOD;
    /** report_version.reason: the contract's */
    public static final int REASON = ContractLimits.REASON;
    /** An import's reason, kept in report_version.reason after "imported (originally submitted …): ". */
    public static final int IMPORT_REASON = 1900;
    /** report_version.source_reference */
    public static final int SOURCE = 500;
    /** information_officer.name, .phone, .email */
    public static final int OFFICER_NAME = ContractLimits.OFFICER_NAME;
    public static final int OFFICER_PHONE = ContractLimits.OFFICER_PHONE;
    public static final int OFFICER_EMAIL = ContractLimits.OFFICER_EMAIL;
    /** Past reports in one import: one transaction. */
    public static final int IMPORTED_REPORTS = 10_000;

    private Limits() {
    }
}
