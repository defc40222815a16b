package gov.workplan.assessment;

import gov.workplan.testkit.SuiteTestInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every test of this service runs on the real broker and the real PostgreSQL database assessment_test. */
@WithTestResource(value = SuiteTestInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "assessment_test"))
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
