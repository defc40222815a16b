package gov.workplan.targets.domain;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gov.workplan.targets.domain.PlanDocument.AppendixEntry;
import gov.workplan.targets.domain.PlanDocument.GoalEntry;
import gov.workplan.targets.domain.PlanDocument.IndicatorEntry;
import gov.workplan.targets.domain.PlanDocument.IndustryEntry;
import gov.workplan.targets.domain.PlanDocument.PlanHeader;
import gov.workplan.targets.domain.PlanDocument.ReportingRule;
import gov.workplan.targets.domain.PlanDocument.TargetEntry;
import gov.workplan.targets.domain.PlanDocument.TaskEntry;
import gov.workplan.targets.domain.PlanDocument.UnitEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * A stored plan as a plan document, its targets at their current values (amendments included): what the plan's
 * workbook shows, and — for a plan never amended — the very document it was imported from, so that exporting and
 * importing it again changes nothing (same checksum). Written in the import's conventions: an absent text or a
 * list of no components is null, a task's lead and co-responsible units are always lists, numbers carry the
 * decimals they need and no more.
 */
@ApplicationScoped
public class PlanExport {

    @Inject
    PlanLookup lookup;

    @Transactional
    public PlanDocument document(String code) {
        Plan plan = lookup.plan(code);
        Map<String, Unit> units = new HashMap<>();
        Unit.<Unit> list("code in ?1", plan.unitCodes).forEach(u -> units.put(u.code, u));
        List<UnitEntry> unitEntries = plan.unitCodes.stream().map(units::get)
                .map(u -> new UnitEntry(u.code, u.nameZh, u.nameEn, u.category, u.parentCode)).toList();
        List<IndustryEntry> industries = plan.industryCodes.stream().map(c -> Industry.<Industry> findById(c))
                .map(i -> new IndustryEntry(i.code, i.nameZh, i.nameEn)).toList();
        List<Indicator> indicators = Indicator.list("planCode = ?1 order by position", plan.code);
        Map<Long, String> indicatorCodes = new HashMap<>();
        indicators.forEach(i -> indicatorCodes.put(i.id, i.code));
        List<IndicatorEntry> indicatorEntries = indicators.stream().map(i -> new IndicatorEntry(i.code, i.nameZh, i.nameEn,
                i.industryCode, i.unitOfMeasure, i.unitOfMeasureEn, i.caliber, i.sumOf.isEmpty() ? null : List.copyOf(i.sumOf),
                i.description)).toList();
        List<Object[]> targetRows = Target.getEntityManager().createQuery("select t.unit.code, t.indicator.id, t.year, "
                + "t.kind, t.value, t.maxValue, t.wording, t.source from Target t where t.planCode = ?1 order by t.id",
                Object[].class).setParameter(1, plan.code).getResultList();
        List<TargetEntry> targets = targetRows.stream().map(r -> new TargetEntry((String) r[0], indicatorCodes.get((Long) r[1]),
                (Integer) r[2], (TargetKind) r[3], plain((BigDecimal) r[4]), plain((BigDecimal) r[5]), (String) r[6],
                (TargetSource) r[7])).toList();
        List<TaskEntry> tasks = Task.<Task> list("planCode = ?1 order by position", plan.code).stream()
                .map(t -> new TaskEntry(t.code, t.section, t.parentCode, t.title, t.titleEn, t.description, t.responsibleText,
                        t.unitsIn(ResponsibilityRole.LEAD), t.unitsIn(ResponsibilityRole.CO), t.deadline,
                        t.deadlineText, t.note))
                .toList();
        PlanHeader header = new PlanHeader(plan.code, plan.title, plan.titleEn, plan.noticeTitle, plan.documentNumber,
                plan.issuer, plan.issuerEn, plan.issuedOn, plan.publishedOn, plan.indexNumber, plan.category, plan.sourceUrl,
                plan.addressees, plan.preamble, plan.spanFrom, plan.spanTo, plan.topUnitCode, plan.officeUnitCode,
                plan.approverUnitCode,
                new ReportingRule(plan.reportingFrequency, plan.reportingDueMonth, plan.reportingDueDay, plan.reportingZone,
                        plan.reportingRecipientCode, plan.reportingWording),
                plan.goals.stream().map(g -> new GoalEntry(g.year, g.statement)).toList(),
                plan.appendices.stream().map(a -> new AppendixEntry(a.number, a.title, a.included, a.note)).toList(),
                List.copyOf(plan.notes));
        return new PlanDocument(1, header, industries, unitEntries, indicatorEntries, targets, tasks);
    }

    /** 700.0000 as stored → 700; 1.5000 → 1.5: the number as a document writes it. */
    static BigDecimal plain(BigDecimal stored) {
        if (stored == null) {
            return null;
        }
        BigDecimal stripped = stored.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
