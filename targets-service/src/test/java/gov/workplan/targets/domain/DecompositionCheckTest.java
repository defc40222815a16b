package gov.workplan.targets.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.workplan.targets.domain.DecompositionCheck.Entry;
import gov.workplan.targets.domain.DecompositionCheck.Report;

class DecompositionCheckTest {

    private static final Map<String, List<String>> CITY = Map.of("city", List.of("east", "west"));
    private static final Map<String, List<String>> TOTAL = Map.of("total", List.of("a", "b"));

    private static Entry target(String unit, String indicator, String value) {
        return new Entry(unit, indicator, 2012, new BigDecimal(value), null);
    }

    @Test
    void givenDistrictTargetsThatAddUpToTheCity_whenChecked_thenTheReportIsConsistent() {
        Report report = DecompositionCheck.check(
                List.of(target("city", "a", "100"), target("east", "a", "60.5"), target("west", "a", "39.50")),
                CITY, Map.of());
        assertTrue(report.consistent());
        assertEquals(0, report.discrepancies());
        assertEquals(0, BigDecimal.ZERO.compareTo(report.decompositions().get(0).difference()));
    }

    @Test
    void givenDistrictTargetsAboveTheCity_whenChecked_thenTheDifferenceIsListed() {
        Report report = DecompositionCheck.check(
                List.of(target("city", "a", "100"), target("east", "a", "70"), target("west", "a", "40")),
                CITY, Map.of());
        assertFalse(report.consistent());
        assertEquals(1, report.discrepancies());
        assertEquals(new BigDecimal("10"), report.decompositions().get(0).difference());
    }

    @Test
    void givenADistrictWithoutATarget_whenChecked_thenItIsListedAsMissing() {
        Report report = DecompositionCheck.check(List.of(target("city", "a", "100"), target("east", "a", "100")),
                CITY, Map.of());
        assertFalse(report.consistent());
        assertEquals(List.of("west"), report.decompositions().get(0).missingChildren());
    }

    @Test
    void givenDistrictTargetsButNoCityTarget_whenChecked_thenTheMissingParentIsADiscrepancy() {
        Report report = DecompositionCheck.check(List.of(target("east", "a", "1"), target("west", "a", "2")),
                CITY, Map.of());
        assertFalse(report.consistent());
        assertNull(report.decompositions().get(0).parentValue());
    }

    @Test
    void givenAnIndicatorNotDecomposedToDistricts_whenChecked_thenItIsNotReported() {
        Report report = DecompositionCheck.check(List.of(target("city", "patents", "5")), CITY, Map.of());
        assertTrue(report.consistent());
        assertTrue(report.decompositions().isEmpty());
    }

    @Test
    void givenATotalThatIsNotTheSumOfItsComponents_whenChecked_thenTheCompositionIsADiscrepancy() {
        Report consistent = DecompositionCheck.check(
                List.of(target("city", "total", "30"), target("city", "a", "10"), target("city", "b", "20")),
                Map.of(), TOTAL);
        assertTrue(consistent.consistent());

        Report off = DecompositionCheck.check(
                List.of(target("city", "total", "35"), target("city", "a", "10"), target("city", "b", "20")),
                Map.of(), TOTAL);
        assertEquals(1, off.discrepancies());
        assertEquals(new BigDecimal("-5"), off.compositions().get(0).difference());
    }

    @Test
    void givenRangeTargets_whenChecked_thenLowerAndUpperBoundsAreSummedSeparately() {
        Entry city = new Entry("city", "bases", 2012, new BigDecimal("2"), new BigDecimal("4"));
        Entry east = new Entry("east", "bases", 2012, new BigDecimal("1"), new BigDecimal("2"));
        Entry west = new Entry("west", "bases", 2012, new BigDecimal("1"), new BigDecimal("2"));
        assertTrue(DecompositionCheck.check(List.of(city, east, west), CITY, Map.of()).consistent());

        Entry westWider = new Entry("west", "bases", 2012, new BigDecimal("1"), new BigDecimal("3"));
        Report report = DecompositionCheck.check(List.of(city, east, westWider), CITY, Map.of());
        assertFalse(report.consistent());
        assertEquals(new BigDecimal("5"), report.decompositions().get(0).maxSum());
    }
}
