package gov.workplan.assessment.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import gov.workplan.assessment.domain.Scoring.TargetIn;
import gov.workplan.assessment.domain.Scoring.TaskIn;

/**
 * What assessment computes from: its own copy of the plans (from workplan.targets) and of the reports (from
 * workplan.reporting), as the scoring and briefing rules read it. persistence.AssessmentStore keeps the copy
 * and implements this, so the rules depend on no store.
 */
public interface AssessedRecords {

    record PlanInfo(String code, String title, String titleEn, int spanFrom, int spanTo) {
    }

    record UnitInfo(String code, String nameZh, String category) {
    }

    /** Chinese and English names by code, for labels: units, and the plan's industries. */
    record Names(String nameZh, String nameEn) {
    }

    /** A unit's latest report of a period, as far as scoring cares; content only for the period being computed. */
    record ReportRow(String status, String content, String timeliness) {
    }

    /** What a unit's assessment for a period is computed from. */
    record UnitRecords(Map<String, ReportRow> reportsByPeriod, Set<String> overduePeriods, List<TargetIn> targets,
            List<TaskIn> tasks) {

        public static final UnitRecords NONE = new UnitRecords(Map.of(), Set.of(), List.of(), List.of());

        /** Empty, for a store to fill. */
        public static UnitRecords collecting() {
            return new UnitRecords(new HashMap<>(), new HashSet<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    Map<String, Names> unitNames();

    Map<String, Names> industryNames(String plan);

    Optional<PlanInfo> plan(String code);

    Optional<UnitInfo> unit(String code);

    /** The units of a category that have something to be assessed on in the plan. */
    List<UnitInfo> assessedUnits(String plan, String category);

    /**
     * By unit: its reports and overdue notices of the period's year, its targets of that year, its tasks; for
     * one unit, or (unit null) for every unit of the plan at once.
     */
    Map<String, UnitRecords> records(String plan, PeriodCode period, String unit);

    /** The same for a set of units, in four queries whatever its size. */
    Map<String, UnitRecords> recordsOf(String plan, PeriodCode period, java.util.Collection<String> units);

    /** The units of these codes that are known (a unit whose event has not arrived yet is not among them). */
    List<UnitInfo> units(java.util.Collection<String> codes);

    /** The periods of the plan whose window opened or that have reports or overdue notices. */
    List<PeriodCode> activePeriods(String plan);
}
