package gov.workplan.targets.domain;

/** How often responsible units report (报送). */
public enum ReportingFrequency {
    QUARTERLY
}
