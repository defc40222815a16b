package gov.workplan.assessment.domain;

/**
 * Something a unit's year depends on changed in the quarterly store — a report of one of its quarters, a
 * target of that year — or (unit null) a whole plan was recomputed. Fired inside the change's transaction;
 * the annual assessment observes it, so the quarterly rules need not know it exists.
 */
public record YearTouched(String plan, int year, String unit) {
}
