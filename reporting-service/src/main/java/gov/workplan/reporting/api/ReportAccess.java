package gov.workplan.reporting.api;

import gov.workplan.common.problem.ApiProblem;
import gov.workplan.common.security.Caller;
import gov.workplan.common.security.Roles;

/** A reporter reads and writes only its own unit's reports; the other roles are not bound to a unit. */
final class ReportAccess {

    private ReportAccess() {
    }

    static void requireOwnUnit(Caller caller, String unit) {
        if (caller.hasRole(Roles.REPORTER) && !caller.hasRole(Roles.OFFICE)
                && !caller.unit().map(unit::equals).orElse(false)) {
            throw ApiProblem.forbidden("a reporter of " + caller.unit().orElse("no unit")
                    + " may not act on the reports of " + unit);
        }
    }
}
