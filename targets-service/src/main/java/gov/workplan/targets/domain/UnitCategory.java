package gov.workplan.targets.domain;

/** What kind of responsible unit (责任单位) this is; assessment ranks districts and departments apart. */
public enum UnitCategory {
    /** The whole city (全市), whose targets the districts' add up to. */
    CITY,
    /** A district or new district (区、新区). */
    DISTRICT,
    /** A city department (市直部门), government or Party. */
    DEPARTMENT,
    /** A city-owned enterprise named as responsible, e.g. a media group. */
    ENTERPRISE,
    /** The leading group (领导小组) and its office, which assesses everyone. */
    LEADING_GROUP
}
