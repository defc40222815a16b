package gov.workplan.reporting.events;

import static gov.workplan.reporting.Reporting.office;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.workplan.reporting.TargetsFixture;
import io.quarkus.test.junit.QuarkusTest;

/** reporting's copy of the plan follows targets' events: redeliveries and stale revisions change nothing. */
@QuarkusTest
class TargetsCopyTest {

    private static BigDecimal scaleBioTarget(String plan, String unit) {
        Object value = office().queryParam("plan", plan).queryParam("unit", unit).when()
                .get("/api/v1/periods/2011-Q1/expected").then().statusCode(200)
                .extract().path("[0].indicators.find { it.indicator == 'scale.bio' }.target");
        return new BigDecimal(String.valueOf(value));
    }

    @Test
    void givenAnAmendment_whenDeliveredTwiceAndFollowedByAStaleRevision_thenTheCopyKeepsTheNewestValue()
            throws InterruptedException {
        String plan = TargetsFixture.publishPlan();
        ObjectNode amended = TargetsFixture.event(plan, "target.amended",
                TargetsFixture.target(plan, "futian", "scale.bio", 2011, "25", 2));
        ObjectNode stale = TargetsFixture.event(plan, "target.amended",
                TargetsFixture.target(plan, "futian", "scale.bio", 2011, "22", 1));
        ObjectNode marker = TargetsFixture.event(plan, "target.amended",
                TargetsFixture.target(plan, "nanshan", "scale.bio", 2011, "360", 1));
        TargetsFixture.publish(plan, List.of(amended, amended, stale, marker));

        // The marker is the last event of the plan's partition: once applied, so is everything before it.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (scaleBioTarget(plan, "nanshan").compareTo(new BigDecimal("360")) != 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the marker amendment was not applied within 30 s");
            }
            Thread.sleep(100);
        }
        assertEquals(0, new BigDecimal("25").compareTo(scaleBioTarget(plan, "futian")),
                "revision 2 stands; its redelivery and the stale revision 1 changed nothing");
    }
}
