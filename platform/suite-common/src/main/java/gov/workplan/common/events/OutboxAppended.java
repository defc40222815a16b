package gov.workplan.common.events;

/** Fired inside the writing transaction; the relay observes it after commit to publish at once. */
public record OutboxAppended() {
}
