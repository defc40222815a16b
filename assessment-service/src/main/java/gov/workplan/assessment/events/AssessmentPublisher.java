package gov.workplan.assessment.events;

import java.util.List;

import gov.workplan.assessment.domain.AssessmentResult;
import gov.workplan.assessment.domain.Rankings.CategoryRanking;
import gov.workplan.assessment.domain.ResultEvents;
import gov.workplan.common.events.Outbox;
import gov.workplan.contracts.events.AssessmentEvents;
import gov.workplan.contracts.events.AssessmentEvents.Entry;
import gov.workplan.contracts.events.AssessmentEvents.RankingPublished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Records assessment-service's events in the outbox, inside the caller's transaction, like the other two services. */
@ApplicationScoped
public class AssessmentPublisher implements ResultEvents {

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
}
