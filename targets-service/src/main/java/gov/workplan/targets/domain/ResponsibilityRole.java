package gov.workplan.targets.domain;

/** A unit's part in a task. */
public enum ResponsibilityRole {
    /** 牵头: answers for the task. */
    LEAD,
    /** 配合: co-responsible. */
    CO
}
