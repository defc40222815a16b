package gov.workplan.targets.events;

/**
 * The topic targets-service publishes to, and its event types. Every event is keyed by its plan's
 * code, so one plan's events arrive in the order they were committed. See README "Events".
 */
public final class TargetsTopic {

    public static final String NAME = "workplan.targets";

    public static final String UNIT_REGISTERED = "unit.registered";
    public static final String PLAN_REGISTERED = "plan.registered";
    public static final String INDICATOR_DEFINED = "indicator.defined";
    public static final String TARGET_SET = "target.set";
    public static final String TASK_DEFINED = "task.defined";
    public static final String PLAN_IMPORT_COMPLETED = "plan.import-completed";
    public static final String TARGET_AMENDED = "target.amended";

    private TargetsTopic() {
    }
}
