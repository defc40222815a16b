package gov.workplan.targets.events;

import java.util.ArrayList;
import java.util.List;

import gov.workplan.contracts.events.EventEnvelope;
import gov.workplan.contracts.events.TargetsEvents;
import gov.workplan.common.events.Outbox;
import gov.workplan.targets.domain.Indicator;
import gov.workplan.targets.domain.Industry;
import gov.workplan.targets.domain.Plan;
import gov.workplan.targets.domain.PlanEvents;
import gov.workplan.targets.domain.ResponsibilityRole;
import gov.workplan.targets.domain.Target;
import gov.workplan.targets.domain.TargetRevision;
import gov.workplan.targets.domain.TargetValue;
import gov.workplan.targets.domain.Task;
import gov.workplan.targets.domain.Unit;
import gov.workplan.contracts.events.TargetsEvents.Counts;
import gov.workplan.contracts.events.TargetsEvents.IndicatorDefined;
import gov.workplan.contracts.events.TargetsEvents.PlanImportCompleted;
import gov.workplan.contracts.events.TargetsEvents.PlanRegistered;
import gov.workplan.contracts.events.TargetsEvents.Reporting;
import gov.workplan.contracts.events.TargetsEvents.Responsibility;
import gov.workplan.contracts.events.TargetsEvents.TargetChanged;
import gov.workplan.contracts.events.TargetsEvents.TaskDefined;
import gov.workplan.contracts.events.TargetsEvents.UnitRegistered;
import gov.workplan.contracts.events.TargetsEvents.Value;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Records targets-service's events in the outbox, inside the caller's transaction. */
@ApplicationScoped
public class TargetsPublisher implements PlanEvents {

    @Inject
    Outbox outbox;

    @Override
    public void planRegistered(Plan plan, List<Industry> industries, Counts counts) {
        var reporting = new Reporting(plan.reportingFrequency.name(), plan.reportingDueMonth, plan.reportingDueDay,
                plan.reportingZone, plan.reportingRecipientCode);
        var payload = new PlanRegistered(plan.code, plan.title, plan.titleEn, plan.documentNumber, plan.issuer,
                plan.issuerEn, plan.issuedOn, plan.publishedOn, plan.spanFrom, plan.spanTo, plan.topUnitCode,
                plan.officeUnitCode, plan.approverUnitCode,
                industries.stream().map(i -> new TargetsEvents.Industry(i.code, i.nameZh, i.nameEn)).toList(),
                reporting, counts);
        append(plan.code, TargetsEvents.PLAN_REGISTERED, payload);
    }

    @Override
    public void unitRegistered(String plan, Unit unit) {
        append(plan, TargetsEvents.UNIT_REGISTERED,
                new UnitRegistered(unit.code, unit.nameZh, unit.nameEn, unit.category.name(), unit.parentCode));
    }

    @Override
    public void indicatorDefined(Indicator i) {
        append(i.planCode, TargetsEvents.INDICATOR_DEFINED, new IndicatorDefined(i.planCode, i.code, i.nameZh, i.nameEn,
                i.industryCode, i.unitOfMeasure, i.unitOfMeasureEn, i.caliber == null ? null : i.caliber.name(),
                List.copyOf(i.sumOf), i.description));
    }

    @Override
    public void targetSet(Target target) {
        append(target.planCode, TargetsEvents.TARGET_SET, targetChanged(target, null, null));
    }

    @Override
    public EventEnvelope targetAmended(Target target, TargetValue previous, TargetRevision revision) {
        return append(target.planCode, TargetsEvents.TARGET_AMENDED, targetChanged(target, previous, revision));
    }

    @Override
    public void taskDefined(Task task) {
        List<Responsibility> responsible = new ArrayList<>();
        task.unitsIn(ResponsibilityRole.LEAD).forEach(u -> responsible.add(new Responsibility(u, "LEAD")));
        task.unitsIn(ResponsibilityRole.CO).forEach(u -> responsible.add(new Responsibility(u, "CO")));
        append(task.planCode, TargetsEvents.TASK_DEFINED, new TaskDefined(task.planCode, task.code, task.parentCode,
                task.section, task.title, task.titleEn, task.description, task.deadline, task.deadlineText, responsible));
    }

    @Override
    public void importCompleted(String plan, String checksum, Counts counts) {
        append(plan, TargetsEvents.PLAN_IMPORT_COMPLETED, new PlanImportCompleted(plan, checksum, counts));
    }

    private static TargetChanged targetChanged(Target t, TargetValue previous, TargetRevision revision) {
        return new TargetChanged(t.planCode, t.unit.code, t.indicator.code, t.year, t.kind.name(),
                TargetValue.plain(t.value), TargetValue.plain(t.maxValue), t.indicator.unitOfMeasure, t.revision, value(t.baseline()), previous == null ? null : value(previous),
                t.wording, t.source.name(), revision == null ? null : revision.reason,
                revision == null ? null : revision.changedBy, revision == null ? t.updatedAt : revision.changedAt);
    }

    private static Value value(TargetValue v) {
        return new Value(v.kind().name(), TargetValue.plain(v.value()), TargetValue.plain(v.maxValue()));
    }

    private EventEnvelope append(String plan, String type, Object payload) {
        return outbox.append(TargetsEvents.CONTRACT, plan, plan, type, payload);
    }
}
