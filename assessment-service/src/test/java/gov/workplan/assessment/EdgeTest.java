package gov.workplan.assessment;

import gov.workplan.testkit.EdgeContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EdgeTest extends EdgeContract {
}
