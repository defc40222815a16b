package gov.workplan.assessment;

import static gov.workplan.assessment.AssessmentFixture.Q2;
import static gov.workplan.assessment.AssessmentFixture.report;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The fixture plan with all eight districts' 2011-Q2 reports applied and ranked. */
public final class RankedPlan {

    private static final java.util.Map<String, UUID> REPORTS = new java.util.concurrent.ConcurrentHashMap<>();

    private RankedPlan() {
    }

    /** The id of the unit's 2011-Q2 report in a plan made here: a correction must name the same report. */
    public static UUID reportOf(String plan, String unit) {
        return REPORTS.get(plan + "/" + unit);
    }

    public static String create() {
        String plan = AssessmentFixture.publishPlan();
        List<ObjectNode> reports = new ArrayList<>();
        for (AssessmentFixture.Row row : Q2) {
            UUID id = UUID.randomUUID();
            REPORTS.put(plan + "/" + row.unit(), id);
            reports.add(report(plan, "report.submitted", id, 1, "SUBMITTED", row));
        }
        AssessmentFixture.publishReports(plan, reports);
        AssessmentFixture.awaitRanking(plan, AssessmentFixture::isTheTable);
        return plan;
    }
}
