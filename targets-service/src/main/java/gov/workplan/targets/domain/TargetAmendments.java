package gov.workplan.targets.domain;

import java.math.BigDecimal;
import java.time.Clock;

import gov.workplan.common.problem.ApiProblem;
import gov.workplan.common.problem.FieldErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Amends a target (调整目标): the office changes its value with a reason. The baseline and every
 * earlier value stay readable as revisions, and the change and its event commit together.
 */
@ApplicationScoped
public class TargetAmendments {

    @Inject
    PlanLookup lookup;

    @Inject
    PlanEvents events;

    @Inject
    Clock clock;

    /** What the office asks for; {@code kind} defaults to the target's current kind. */
    public record Amendment(TargetKind kind, BigDecimal value, BigDecimal maxValue, String reason,
            Integer expectedRevision) {
    }

    @Transactional
    public Target amend(String planCode, String unitCode, String indicatorCode, int year, Amendment amendment,
            String actor) {
        Plan plan = lookup.plan(planCode);
        Unit unit = lookup.unit(unitCode, "unit");
        Indicator indicator = lookup.indicator(plan, indicatorCode, "indicator");
        if (amendment == null) {
            throw ApiProblem.invalid("body", "an amendment with value and reason is required");
        }
        // The row lock makes concurrent amendments of one target take turns: none is lost.
        Target target = Target.<Target> find("planCode = ?1 and unit = ?2 and indicator = ?3 and year = ?4",
                plan.code, unit, indicator, year).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (target == null) {
            throw ApiProblem.notFound("year", "target of " + unit.code + " for " + indicator.code + " in",
                    String.valueOf(year));
        }

        TargetKind kind = amendment.kind() != null ? amendment.kind() : target.kind;
        FieldErrors errors = new FieldErrors();
        TargetValue.check(kind, amendment.value(), amendment.maxValue(), "", errors);
        if (amendment.reason() == null || amendment.reason().isBlank()) {
            errors.add("reason", "is required: say why the target changes");
        } else if (amendment.reason().length() > 2000) {
            errors.add("reason", "must be at most 2000 characters");
        }
        if (amendment.expectedRevision() != null && amendment.expectedRevision() < 0) {
            errors.add("expectedRevision", "must not be negative");
        }
        errors.throwIfAny();

        if (amendment.expectedRevision() != null && amendment.expectedRevision() != target.revision) {
            throw ApiProblem.conflict("expectedRevision", "the target is at revision " + target.revision
                    + ", not " + amendment.expectedRevision() + "; read it again before amending");
        }
        TargetValue next = new TargetValue(kind, amendment.value(), amendment.maxValue());
        TargetValue previous = target.current();
        if (next.sameAs(previous)) {
            throw ApiProblem.conflict("value", "the target already has this value; nothing to amend");
        }
        TargetRevision revision = target.amend(next, amendment.reason().strip(), actor, clock.instant());
        revision.persist();
        events.targetAmended(target, previous, revision);
        return target;
    }
}
