package gov.workplan.assessment.events;

import java.util.List;

import gov.workplan.assessment.domain.AssessmentResult;
import gov.workplan.assessment.domain.Rankings.CategoryRanking;
import gov.workplan.assessment.domain.ResultEvents;
import gov.workplan.assessment.domain.annual.AnnualEvents;
import gov.workplan.assessment.domain.annual.AnnualRankings;
import gov.workplan.assessment.domain.annual.AnnualResult;
import gov.workplan.assessment.domain.annual.AnnualResults;
import gov.workplan.assessment.domain.annual.Objection;
import gov.workplan.common.events.Outbox;
import gov.workplan.contracts.events.AssessmentEvents;
import gov.workplan.contracts.events.AssessmentEvents.AnnualResultChanged;
import gov.workplan.contracts.events.AssessmentEvents.AnnualResultPublished;
import gov.workplan.contracts.events.AssessmentEvents.Entry;
import gov.workplan.contracts.events.AssessmentEvents.ObjectionChanged;
import gov.workplan.contracts.events.AssessmentEvents.RankingPublished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Records assessment-service's events in the outbox, inside the caller's transaction, like the other two services. */
@ApplicationScoped
public class AssessmentPublisher implements ResultEvents, AnnualEvents {

    @Inject
    Outbox outbox;

    @Override
    public void rankingPublished(AssessmentResult result, List<CategoryRanking> rankings) {
        var payload = new RankingPublished(result.id, result.planCode, result.periodCode, result.year, result.publishedAt,
                result.approvedBy, rankings.stream().map(r -> new AssessmentEvents.CategoryRanking(r.plan(), r.period(),
                        r.category(), r.entries().stream().map(e -> new Entry(e.unit(), e.unitNameZh(), e.score(),
                                e.rank(), e.movement())).toList())).toList());
        outbox.append(AssessmentEvents.CONTRACT, result.planCode, result.planCode, AssessmentEvents.RANKING_PUBLISHED,
                payload);
    }

    @Override
    public void resultChanged(AnnualResult result, String actor) {
        String type = switch (result.status) {
            case FROZEN -> AssessmentEvents.ANNUAL_RESULT_FROZEN;
            case APPROVED -> AssessmentEvents.ANNUAL_RESULT_APPROVED;
            case NOTIFIED -> AssessmentEvents.ANNUAL_RESULT_NOTIFIED;
            default -> throw new IllegalArgumentException("no event for an annual result becoming " + result.status);
        };
        java.time.Instant at = switch (result.status) {
            case FROZEN -> result.frozenAt;
            case APPROVED -> result.approvedAt;
            default -> result.notifiedAt;
        };
        java.util.UUID supersedes = result.status == AnnualResult.Status.FROZEN
                ? AnnualResult.<AnnualResult> find("supersededBy", result.id).firstResultOptional().map(r -> r.id).orElse(null)
                : null;
        outbox.append(AssessmentEvents.CONTRACT, result.planCode, result.planCode, type, new AnnualResultChanged(result.id,
                result.planCode, result.year, result.version, result.status.name(), actor, at, result.objectionsCloseAt,
                supersedes));
    }

    @Override
    public void objectionChanged(Objection o, String actor) {
        String type = o.status == Objection.Status.FILED ? AssessmentEvents.OBJECTION_FILED : AssessmentEvents.OBJECTION_RULED;
        outbox.append(AssessmentEvents.CONTRACT, o.planCode, o.planCode, type, new ObjectionChanged(o.id, o.resultId,
                o.planCode, o.year, o.unitCode, o.line, o.status.name(), actor,
                o.status == Objection.Status.FILED ? o.filedAt : o.ruledAt));
    }

    @Override
    public void published(AnnualResult result, AnnualResults.Snapshot snapshot) {
        var categories = snapshot.categories().stream().map(c -> new AssessmentEvents.AnnualCategory(c.category(),
                c.units().stream().map(u -> new AssessmentEvents.AnnualEntry(u.unit(), u.unitNameZh(),
                        u.chiefOfficials().stream().map(AnnualRankings.Official::name).toList(), u.score(),
                        u.grade().name(), u.rank(), u.changedAfterObjection())).toList())).toList();
        outbox.append(AssessmentEvents.CONTRACT, result.planCode, result.planCode, AssessmentEvents.ANNUAL_RESULT_PUBLISHED,
                new AnnualResultPublished(result.id, result.planCode, result.year, result.version, result.publishedAt,
                        result.approvedBy, categories));
    }
}
