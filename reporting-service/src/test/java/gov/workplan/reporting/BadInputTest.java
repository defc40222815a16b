package gov.workplan.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

import gov.workplan.testkit.BadInputSweep;
import gov.workplan.testkit.DatabaseState;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BadInputTest extends BadInputSweep {

    /** The sweep's "data unchanged" check has teeth: an accepted insert or update changes the fingerprint. */
    @Test
    void givenAcceptedChanges_whenFingerprinted_thenEachChangesIt_andAReadDoesNot() {
        String plan = TargetsFixture.publishPlan();
        String before = DatabaseState.fingerprint();
        String draft = Reporting.draft("futian", plan, "2011-Q2", Reporting.futian(3));
        String created = DatabaseState.fingerprint();
        assertNotEquals(before, created, "a new draft");

        Reporting.edit("futian", draft, Reporting.futian(4)).statusCode(200);
        String edited = DatabaseState.fingerprint();
        assertNotEquals(created, edited, "an edited draft");

        Reporting.office().when().get("/api/v1/reports/" + draft).then().statusCode(200);
        assertEquals(edited, DatabaseState.fingerprint(), "a read");
    }
}
