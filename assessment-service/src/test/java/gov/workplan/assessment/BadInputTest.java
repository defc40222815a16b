package gov.workplan.assessment;

import gov.workplan.testkit.BadInputSweep;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BadInputTest extends BadInputSweep {
}
