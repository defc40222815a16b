package gov.workplan.reporting;

import gov.workplan.testkit.EdgeContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EdgeTest extends EdgeContract {
}
