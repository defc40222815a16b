package gov.workplan.targets.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import gov.workplan.common.problem.FieldError;
import gov.workplan.common.problem.FieldErrors;

class TargetValueTest {

    private static List<String> errors(TargetKind kind, String value, String maxValue) {
        FieldErrors errors = new FieldErrors();
        TargetValue.check(kind, value == null ? null : new BigDecimal(value),
                maxValue == null ? null : new BigDecimal(maxValue), "t.", errors);
        return errors.list().stream().map(FieldError::field).toList();
    }

    @Test
    void givenSensibleValuesOfEveryKind_whenChecked_thenTheyPass() {
        assertEquals(List.of(), errors(TargetKind.AT_LEAST, "900", null));
        assertEquals(List.of(), errors(TargetKind.ABOUT, "0.5", null));
        assertEquals(List.of(), errors(TargetKind.STRIVE_FOR, "12.1234", null));
        assertEquals(List.of(), errors(TargetKind.RANGE, "1", "2"));
        assertEquals(List.of(), errors(TargetKind.RANGE, "2", "2"));
    }

    @Test
    void givenNegativeOrMissingOrTooPreciseValues_whenChecked_thenTheFieldIsNamed() {
        assertEquals(List.of("t.value"), errors(TargetKind.AT_LEAST, "-1", null));
        assertEquals(List.of("t.value"), errors(TargetKind.AT_LEAST, null, null));
        assertEquals(List.of("t.value"), errors(TargetKind.AT_LEAST, "1.00001", null));
        assertEquals(List.of("t.value"), errors(TargetKind.AT_LEAST, "1000000000000000", null));
        assertEquals(List.of("t.kind"), errors(null, "1", null));
    }

    @Test
    void givenARangeWithoutOrBelowItsUpperBound_whenChecked_thenMaxValueIsNamed() {
        assertEquals(List.of("t.maxValue"), errors(TargetKind.RANGE, "1", null));
        assertEquals(List.of("t.maxValue"), errors(TargetKind.RANGE, "3", "2"));
    }

    @Test
    void givenAnUpperBoundOnANonRangeTarget_whenChecked_thenItIsRefused() {
        assertEquals(List.of("t.maxValue"), errors(TargetKind.AT_LEAST, "1", "2"));
    }

    @Test
    void givenTheSameAmountWrittenDifferently_whenCompared_thenItIsTheSameValue() {
        TargetValue a = new TargetValue(TargetKind.AT_LEAST, new BigDecimal("700"), null);
        assertTrue(a.sameAs(new TargetValue(TargetKind.AT_LEAST, new BigDecimal("700.0000"), null)));
        assertFalse(a.sameAs(new TargetValue(TargetKind.ABOUT, new BigDecimal("700"), null)));
        assertFalse(a.sameAs(new TargetValue(TargetKind.AT_LEAST, new BigDecimal("700.5"), null)));
        assertEquals("700", TargetValue.plain(new BigDecimal("700.0000")).toPlainString());
    }
}
