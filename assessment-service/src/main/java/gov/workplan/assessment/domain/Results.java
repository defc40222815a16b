package gov.workplan.assessment.domain;

import java.time.Clock;
import gov.workplan.common.json.JsonText;
import gov.workplan.common.time.StoredTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.workplan.assessment.domain.Rankings.CategoryRanking;
import gov.workplan.common.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/** Freeze (office) → approve (leader, 审定) → publish (office): a result's whole life. */
@ApplicationScoped
public class Results {

    @Inject
    Rankings rankings;

    @Inject
    Briefings briefings;

    @Inject
    ResultEvents events;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /**
     * Separation of duties (on by default): who froze a result may not approve it, and who approved it may
     * not publish it, so no one identity holding both roles carries a result from ranking to the public
     * alone. A small office may turn it off; the audit trail still shows who did each step.
     */
    @ConfigProperty(name = "assessment.separation-of-duties", defaultValue = "true")
    boolean separationOfDuties;

    /**
     * What a frozen result holds: the rankings and the completion figures as they stood. Results frozen
     * before completion was kept have none (null).
     */
    public record Snapshot(String plan, String period, int year, Instant frozenAt, List<CategoryRanking> rankings,
            Briefings.Completion completion, FreezeRules.Override override, List<String> importedUnits) {
    }

    /**
     * Freezes the period's rankings, once its deadline has passed ({@link FreezeRules}); reports still awaiting
     * review need {@code overrideReason}, which the snapshot keeps with the units it covered.
     */
    @Transactional
    public AssessmentResult freeze(String plan, String periodCode, String overrideReason, Optional<Instant> deadline,
            List<String> unreviewed, String actor) {
        PeriodCode period = PeriodCode.parse(periodCode)
                .orElseThrow(() -> ApiProblem.invalid("period", "must be a period like 2011-Q2"));
        List<CategoryRanking> current = rankings.of(plan, period.code(), null);
        if (current.isEmpty()) {
            throw ApiProblem.conflict("period", "plan " + plan + " has no ranking for " + period.code() + " to freeze");
        }
        Instant now = StoredTime.now(clock);
        FreezeRules.Override override = FreezeRules.check(period.code(), now, deadline, unreviewed, overrideReason);
        AssessmentResult result = new AssessmentResult();
        result.id = UUID.randomUUID();
        result.planCode = plan;
        result.periodCode = period.code();
        result.year = period.year();
        result.status = AssessmentResult.Status.FROZEN;
        result.snapshot = JsonText.write(mapper, new Snapshot(plan, period.code(), period.year(), now, current,
                briefings.completion(plan, period.code()), override, briefings.imported(plan, period.code())));
        result.frozenAt = now;
        result.frozenBy = actor;
        result.persist();
        return result;
    }

    @Transactional
    public AssessmentResult approve(UUID id, String actor) {
        AssessmentResult result = locked(id);
        if (result.status != AssessmentResult.Status.FROZEN) {
            throw ApiProblem.conflict("status", "only a FROZEN result can be approved; this one is " + result.status);
        }
        if (separationOfDuties && actor.equals(result.frozenBy)) {
            throw ApiProblem.forbidden("separation of duties: " + actor + " froze this result and may not also approve "
                    + "it; another member of the leading group approves");
        }
        result.status = AssessmentResult.Status.APPROVED;
        result.approvedAt = StoredTime.now(clock);
        result.approvedBy = actor;
        return result;
    }

    @Transactional
    public AssessmentResult publish(UUID id, String actor) {
        AssessmentResult result = locked(id);
        if (result.status != AssessmentResult.Status.APPROVED) {
            throw ApiProblem.conflict("status", "only an APPROVED result can be published; this one is " + result.status);
        }
        if (separationOfDuties && actor.equals(result.approvedBy)) {
            throw ApiProblem.forbidden("separation of duties: " + actor + " approved this result and may not also "
                    + "publish it; the office publishes");
        }
        result.status = AssessmentResult.Status.PUBLISHED;
        result.publishedAt = StoredTime.now(clock);
        result.publishedBy = actor;
        Snapshot snapshot = snapshot(result);
        events.rankingPublished(result, snapshot.rankings());
        return result;
    }

    public Snapshot snapshot(AssessmentResult result) {
        try {
            return mapper.readValue(result.snapshot, Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored snapshot is unreadable", e);
        }
    }

    public JsonNode snapshotTree(AssessmentResult result) {
        try {
            return mapper.readTree(result.snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored snapshot is unreadable", e);
        }
    }

    private AssessmentResult locked(UUID id) {
        AssessmentResult result = AssessmentResult.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (result == null) {
            throw ApiProblem.notFound("id", "assessment result", String.valueOf(id));
        }
        return result;
    }


}
