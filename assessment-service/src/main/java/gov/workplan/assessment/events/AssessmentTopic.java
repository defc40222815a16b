package gov.workplan.assessment.events;

/** The topic assessment-service publishes on, and its event types. */
public final class AssessmentTopic {

    public static final String NAME = "workplan.assessment";
    public static final String RANKING_PUBLISHED = "ranking.published";
    public static final int SCHEMA_VERSION = 1;

    private AssessmentTopic() {
    }
}
