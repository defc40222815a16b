package gov.workplan.assessment.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import gov.workplan.common.problem.ApiProblem;

/**
 * When a period's ranking may be frozen into a result (pure): only after the period's deadline, when no
 * unit can still report; and while reports still await the office's review, only with an explicit
 * override whose reason — and the units it covered — the snapshot keeps.
 */
public final class FreezeRules {

    /** The most characters an override reason may have (it is kept in the snapshot, and audited). */
    public static final int MAX_REASON = 2000;

    /** A freeze made while reports awaited review: why, and which units' reports were still unreviewed. */
    public record Override(String reason, List<String> unreviewedUnits) {
    }

    private FreezeRules() {
    }

    /** The override the freeze records (null when none was needed), or a 409 saying what stands in the way. */
    public static Override check(String period, Instant now, Optional<Instant> deadline, List<String> unreviewed,
            String overrideReason) {
        if (deadline.isEmpty()) {
            throw ApiProblem.conflict("period", "the deadline of " + period + " is not known here yet: no report or "
                    + "overdue notice of the period has arrived from reporting-service");
        }
        if (now.isBefore(deadline.get())) {
            throw ApiProblem.conflict("period", "reporting for " + period + " closes at " + deadline.get()
                    + "; a result can be frozen only after the deadline, when no unit can still report");
        }
        boolean reasoned = overrideReason != null && !overrideReason.isBlank();
        if (unreviewed.isEmpty()) {
            return reasoned ? new Override(overrideReason.strip(), List.of()) : null;
        }
        if (!reasoned) {
            throw ApiProblem.conflict("overrideReason", unreviewed.size() + " report(s) of " + period
                    + " still await the office's review (" + String.join(", ", unreviewed) + "): accept or return "
                    + "them first, or freeze with an overrideReason saying why now");
        }
        return new Override(overrideReason.strip(), List.copyOf(unreviewed));
    }
}
