package gov.workplan.assessment.events;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import gov.workplan.assessment.domain.Recalculation;
import gov.workplan.assessment.domain.Schemes;
import gov.workplan.assessment.domain.annual.AnnualSchemes;
import gov.workplan.assessment.persistence.AssessmentStore;
import gov.workplan.common.database.UntilDatabaseAvailable;
import gov.workplan.common.events.DeadLetters;
import gov.workplan.common.events.EventIntake;
import gov.workplan.common.events.InboundEvent;
import gov.workplan.common.events.SchemaVersions;
import gov.workplan.contracts.events.TargetsEvents;
import gov.workplan.contracts.events.TargetsEvents.IndicatorDefined;
import gov.workplan.contracts.events.TargetsEvents.PlanImportCompleted;
import gov.workplan.contracts.events.TargetsEvents.PlanRegistered;
import gov.workplan.contracts.events.TargetsEvents.TargetChanged;
import gov.workplan.contracts.events.TargetsEvents.TaskDefined;
import gov.workplan.contracts.events.TargetsEvents.UnitRegistered;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Keeps assessment's store of plans, units, targets and tasks from workplan.targets; an amended target is rescored. */
@ApplicationScoped
public class TargetsEventsConsumer implements DeadLetters.Redrivable {

    static final String CHANNEL = "targets";

    /** The schema versions of workplan.targets's events this consumer reads; any other is held. */
    private volatile SchemaVersions reads = SchemaVersions.reads(TargetsEvents.SCHEMA_VERSION);

    @Inject
    EventIntake intake;

    @Inject
    AssessmentStore store;

    @Inject
    Schemes schemes;

    @Inject
    Recalculation recalculation;

    @Inject
    AnnualSchemes annualSchemes;

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    @UntilDatabaseAvailable
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        intake.receive(record, TargetsEvents.CONTRACT, reads, this::apply);
    }

    /**
     * How an upgrade adds a schema version (see {@link SchemaVersions}); the held-event test uses it to stand for
     * the next build of this consumer.
     */
    void reads(SchemaVersions versions) {
        this.reads = versions;
    }

    SchemaVersions reads() {
        return reads;
    }

    private void apply(InboundEvent event) {
        switch (event.type()) {
            case TargetsEvents.PLAN_REGISTERED -> {
                PlanRegistered p = event.payload(PlanRegistered.class);
                store.upsertPlan(p.code(), p.title(), p.titleEn(), p.spanFrom(), p.spanTo());
                int position = 0;
                for (TargetsEvents.Industry industry : p.industries()) {
                    store.upsertIndustry(p.code(), position++, industry.code(), industry.nameZh(), industry.nameEn());
                }
                schemes.ensureDefaults(p.code(), p.spanFrom());
                annualSchemes.ensureDefaults(p.code(), p.spanFrom());
            }
            case TargetsEvents.UNIT_REGISTERED -> {
                UnitRegistered u = event.payload(UnitRegistered.class);
                store.upsertUnit(u.code(), u.nameZh(), u.nameEn(), u.category());
            }
            case TargetsEvents.INDICATOR_DEFINED -> {
                IndicatorDefined i = event.payload(IndicatorDefined.class);
                store.upsertIndicator(i.plan(), i.code(), i.nameZh(), i.industry(), i.unitOfMeasure());
            }
            case TargetsEvents.TARGET_SET, TargetsEvents.TARGET_AMENDED -> {
                TargetChanged t = event.payload(TargetChanged.class);
                boolean changed = store.upsertTarget(t.plan(), t.unit(), t.indicator(), t.year(), t.kind(), t.value(),
                        t.maxValue(), t.revision());
                if (changed && TargetsEvents.TARGET_AMENDED.equals(event.type())) {
                    recalculation.onTarget(t.plan(), t.unit(), t.year());
                }
            }
            case TargetsEvents.TASK_DEFINED -> {
                TaskDefined t = event.payload(TaskDefined.class);
                Map<String, String> roles = new LinkedHashMap<>();
                t.responsible().forEach(r -> roles.put(r.unit(), r.role()));
                store.upsertTask(t.plan(), t.code(), t.title() != null ? t.title() : t.description(), t.deadline(), roles);
            }
            case TargetsEvents.PLAN_IMPORT_COMPLETED ->
                recalculation.onPlanComplete(event.payload(PlanImportCompleted.class).plan());
            default -> {
                // future types: nothing to keep
            }
        }
    }
}
