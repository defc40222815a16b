package gov.workplan.targets.domain;

/** How a target reads: the words of the plan decide how completion is judged. */
public enum TargetKind {
    /** 达到 / 以上: reach at least the value. */
    AT_LEAST,
    /** 左右: about the value; assessment applies a tolerance. */
    ABOUT,
    /** 1―2家: between value and maxValue. */
    RANGE,
    /** 力争 / 争取: strive for the value; a stretch goal. */
    STRIVE_FOR
}
