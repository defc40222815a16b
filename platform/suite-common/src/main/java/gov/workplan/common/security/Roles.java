package gov.workplan.common.security;

/**
 * The five roles of the suite, carried in the token's {@code groups} claim.
 *
 * <ul>
 * <li>{@code office}: staff of the leading-group office (领导小组办公室): amend targets, import plans, review reports.</li>
 * <li>{@code reporter}: a unit's information officer (信息员), bound to that unit by the {@code unit} claim.</li>
 * <li>{@code leader}: the leading group (领导小组), approves assessment results (审定).</li>
 * <li>{@code service}: another government system, reads.</li>
 * <li>{@code statistics}: the statistics bureau (统计局), records the official year-end figures the annual
 * assessment scores.</li>
 * </ul>
 */
public final class Roles {

    public static final String OFFICE = "office";
    public static final String REPORTER = "reporter";
    public static final String LEADER = "leader";
    public static final String SERVICE = "service";
    public static final String STATISTICS = "statistics";

    /** The token claim naming the unit a reporter speaks for. */
    public static final String UNIT_CLAIM = "unit";

    private Roles() {
    }
}
