package gov.workplan.reporting.domain;

/** Whether a unit reported before the period's deadline (按时报送), late, or not at all. */
public enum Timeliness {
    ON_TIME, LATE, MISSING
}
