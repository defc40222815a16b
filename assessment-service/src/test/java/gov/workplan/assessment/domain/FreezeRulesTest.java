package gov.workplan.assessment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import gov.workplan.common.problem.ApiProblem;

class FreezeRulesTest {

    private static final Instant DEADLINE = Instant.parse("2011-07-10T16:00:00Z");

    private static String field(ApiProblem p) {
        return p.toProblem(null).errors().get(0).field();
    }

    @Test
    void givenTheDeadlineIsAheadOrUnknown_whenFrozen_thenRefusedNamingThePeriod() {
        ApiProblem before = assertThrows(ApiProblem.class, () -> FreezeRules.check("2011-Q2",
                DEADLINE.minusSeconds(1), Optional.of(DEADLINE), List.of(), "reason"));
        assertEquals(409, before.status());
        assertEquals("period", field(before));
        ApiProblem unknown = assertThrows(ApiProblem.class, () -> FreezeRules.check("2011-Q2", DEADLINE,
                Optional.empty(), List.of(), null));
        assertEquals("period", field(unknown));
    }

    @Test
    void givenReportsAwaitReview_whenFrozenWithoutAReason_thenRefusedNamingTheOverride_andWithOneTheUnitsAreKept() {
        ApiProblem refused = assertThrows(ApiProblem.class, () -> FreezeRules.check("2011-Q2", DEADLINE,
                Optional.of(DEADLINE), List.of("futian", "luohu"), "  "));
        assertEquals("overrideReason", field(refused));
        assertEquals(new FreezeRules.Override("会前冻结", List.of("futian", "luohu")), FreezeRules.check("2011-Q2",
                DEADLINE, Optional.of(DEADLINE), List.of("futian", "luohu"), " 会前冻结 "));
    }

    @Test
    void givenEveryReportReviewedAfterTheDeadline_whenFrozen_thenNoOverrideIsRecorded() {
        assertNull(FreezeRules.check("2011-Q2", DEADLINE, Optional.of(DEADLINE), List.of(), null));
    }
}
