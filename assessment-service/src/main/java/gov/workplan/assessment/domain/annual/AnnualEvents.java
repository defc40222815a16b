package gov.workplan.assessment.domain.annual;

/**
 * What the annual cycle announces on workplan.assessment, inside the transaction of each step
 * (events.AssessmentPublisher turns them into the contract's records and writes the outbox).
 */
public interface AnnualEvents {

    /** A version was frozen, approved or notified to the units. */
    void resultChanged(AnnualResult result, String actor);

    /** An objection was filed, upheld or rejected. */
    void objectionChanged(Objection objection, String actor);

    /** The year's result was published: its grades and ranking as frozen. */
    void published(AnnualResult result, AnnualResults.Snapshot snapshot);
}
