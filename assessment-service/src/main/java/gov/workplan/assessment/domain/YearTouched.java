package gov.workplan.assessment.domain;

/**
 * Something some units' year depends on changed in the quarterly store — a report of one of their quarters, a
 * target of that year — or (units null) a whole plan was recomputed. Fired inside the change's transaction;
 * the annual assessment observes it, so the quarterly rules need not know it exists.
 */
public record YearTouched(String plan, int year, java.util.Collection<String> units) {
}
