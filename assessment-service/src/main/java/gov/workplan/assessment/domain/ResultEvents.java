package gov.workplan.assessment.domain;

import java.util.List;

import gov.workplan.assessment.domain.Rankings.CategoryRanking;

/**
 * What the result rules announce on workplan.assessment, inside the transaction of the change
 * (events.AssessmentPublisher turns them into the contract's records and writes the outbox).
 */
public interface ResultEvents {

    /** The result was published: its rankings as frozen, by whom approved. */
    void rankingPublished(AssessmentResult result, List<CategoryRanking> rankings);
}
