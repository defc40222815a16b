package gov.workplan.targets.domain;

/** Statistical caliber (统计口径): where a figure is counted. */
public enum Caliber {
    /** 按产值发生地统计: where the output arises. */
    OUTPUT_LOCATION,
    /** 按企业注册地统计: where the enterprise is registered. */
    REGISTRATION_PLACE,
    /** A sum of indicators, each counted by its own caliber. */
    BY_COMPONENT
}
