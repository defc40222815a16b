package gov.workplan.assessment.domain;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** Provisional ranking changes for portals, sent only once the recalculation committed. */
@ApplicationScoped
public class RankingStream {

    private final BroadcastProcessor<RankingChanged> changes = BroadcastProcessor.create();

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) RankingChanged change) {
        changes.onNext(change);
    }

    public Multi<RankingChanged> of(String plan) {
        return changes.filter(c -> c.plan().equals(plan));
    }
}
