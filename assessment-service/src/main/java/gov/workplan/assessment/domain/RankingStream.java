package gov.workplan.assessment.domain;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** Provisional ranking changes for portals, sent only once the recalculation committed. */
@ApplicationScoped
public class RankingStream {

    static final int FOLLOWER_BUFFER = 10_000;

    private final BroadcastProcessor<RankingChanged> changes = BroadcastProcessor.create();

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) RankingChanged change) {
        changes.onNext(change);
    }

    /**
     * A portal's stream of one plan. One commit may announce several changes at once (a period's first
     * report ranks every category), faster than a client asks for them: each follower gets a buffer, and
     * one that falls {@value #FOLLOWER_BUFFER} changes behind is disconnected, to reconnect and re-read.
     */
    public Multi<RankingChanged> of(String plan) {
        return changes.filter(c -> c.plan().equals(plan)).onOverflow().buffer(FOLLOWER_BUFFER);
    }
}
