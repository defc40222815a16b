package gov.workplan.reporting.events;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import gov.workplan.common.database.UntilDatabaseAvailable;
import gov.workplan.common.events.DeadLetters;
import gov.workplan.common.events.EventIntake;
import gov.workplan.common.events.InboundEvent;
import gov.workplan.common.events.SchemaVersions;
import gov.workplan.contracts.events.TargetsEvents;
import gov.workplan.contracts.events.TargetsEvents.IndicatorDefined;
import gov.workplan.contracts.events.TargetsEvents.PlanRegistered;
import gov.workplan.contracts.events.TargetsEvents.TargetChanged;
import gov.workplan.contracts.events.TargetsEvents.TaskDefined;
import gov.workplan.contracts.events.TargetsEvents.UnitRegistered;
import gov.workplan.reporting.persistence.PlanCopy;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Keeps reporting's copy of plans, units, indicators, targets and tasks from workplan.targets, so
 * reporting answers without calling targets-service. Each event is applied and recorded in one
 * transaction: a redelivery changes nothing.
 */
@ApplicationScoped
public class TargetsEventsConsumer implements DeadLetters.Redrivable {

    static final String CHANNEL = "targets";

    private static final Logger LOG = Logger.getLogger(TargetsEventsConsumer.class);

    /** The schema versions of workplan.targets's events this consumer reads; any other is held. */
    private final SchemaVersions reads = SchemaVersions.reads(TargetsEvents.SCHEMA_VERSION);

    @Inject
    EventIntake intake;

    @Inject
    PlanCopy copy;

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

    private void apply(InboundEvent event) {
        switch (event.type()) {
            case TargetsEvents.PLAN_REGISTERED -> {
                PlanRegistered p = event.payload(PlanRegistered.class);
                copy.upsertPlan(p.code(), p.title(), p.spanFrom(), p.spanTo(), p.officeUnit(), p.reporting().frequency(),
                        p.reporting().dueMonthOfNextQuarter(), p.reporting().dueDayOfMonth(), p.reporting().zone(),
                        event.envelope().occurredAt());
            }
            case TargetsEvents.UNIT_REGISTERED -> {
                UnitRegistered u = event.payload(UnitRegistered.class);
                copy.upsertUnit(u.code(), u.nameZh(), u.nameEn(), u.category(), u.parent());
            }
            case TargetsEvents.INDICATOR_DEFINED -> {
                IndicatorDefined i = event.payload(IndicatorDefined.class);
                copy.upsertIndicator(i.plan(), i.code(), i.nameZh(), i.nameEn(), i.unitOfMeasure());
            }
            case TargetsEvents.TARGET_SET, TargetsEvents.TARGET_AMENDED -> {
                TargetChanged t = event.payload(TargetChanged.class);
                copy.upsertTarget(t.plan(), t.unit(), t.indicator(), t.year(), t.kind(), t.value(), t.maxValue(),
                        t.revision());
            }
            case TargetsEvents.TASK_DEFINED -> {
                TaskDefined t = event.payload(TaskDefined.class);
                Map<String, String> roles = new LinkedHashMap<>();
                t.responsible().forEach(r -> roles.put(r.unit(), r.role()));
                copy.upsertTask(t.plan(), t.code(), t.title() != null ? t.title() : t.description(), t.deadline(), roles);
            }
            default -> LOG.debugf("ignoring %s %s: reporting does not keep it", event.type(), event.envelope().id());
        }
    }
}
