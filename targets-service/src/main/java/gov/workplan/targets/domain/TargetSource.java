package gov.workplan.targets.domain;

/** Where in the plan document a target was read from. */
public enum TargetSource {
    /** A sentence of the text, quoted in the target's wording. */
    TEXT,
    /** The decomposition table (目标分解表). */
    TABLE
}
