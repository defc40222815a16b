package gov.workplan.targets.domain;

import java.util.List;

import gov.workplan.contracts.events.EventEnvelope;
import gov.workplan.contracts.events.TargetsEvents.Counts;

/**
 * What the plan rules announce on workplan.targets, each inside the transaction of its change
 * (events.TargetsPublisher turns the entities into the contract's records and writes the outbox). Declared
 * here so that the rules depend on no publisher.
 */
public interface PlanEvents {

    void planRegistered(Plan plan, List<Industry> industries, Counts counts);

    void unitRegistered(String plan, Unit unit);

    void indicatorDefined(Indicator indicator);

    void targetSet(Target target);

    EventEnvelope targetAmended(Target target, TargetValue previous, TargetRevision revision);

    void taskDefined(Task task);

    void importCompleted(String plan, String checksum, Counts counts);
}
