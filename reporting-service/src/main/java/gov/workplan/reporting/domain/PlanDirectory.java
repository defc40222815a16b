package gov.workplan.reporting.domain;

import java.util.List;
import java.util.Optional;

/**
 * What the reporting rules read of the plans: reporting's own copy of targets-service's, kept from
 * workplan.targets (persistence.PlanCopy keeps it; the rules only read it, so domain depends on no store).
 */
public interface PlanDirectory {

    Optional<PlanInfo> plan(String code);

    List<PlanInfo> plans();

    /** The unit's Chinese name, or its code while the unit is not yet known here. */
    String unitNameZh(String code);

    /** The unit's category (DISTRICT, DEPARTMENT, ...), or UNKNOWN while the unit is not yet known here. */
    String unitCategory(String code);

    boolean unitExists(String code);

    /** Every unit that owes reports in a plan, with what it owes for {@code year}. */
    List<ExpectedReport> expected(String plan, int year);

    Optional<ExpectedReport> expected(String plan, int year, String unit);
}
