package gov.workplan.targets;

import gov.workplan.testkit.ServiceHealthContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceHealthTest extends ServiceHealthContract {
}
