package gov.workplan.reporting.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import gov.workplan.common.time.StoredTime;
import gov.workplan.contracts.events.ReportingEvents.ReportDueSoon;
import gov.workplan.contracts.events.ReportingEvents.PeriodOpened;
import gov.workplan.contracts.events.ReportingEvents.ReportOverdue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Watches reporting windows and deadlines. When a period's quarter has ended its window opens (period.opened, once
 * per plan and period: consumers prepare the period before its first report). A few days before a period's
 * deadline it reminds every expected unit that has not submitted yet (report.due-soon, addressed to its
 * information officers); when the deadline has passed it escalates every unit still missing to the plan's office
 * (report.overdue). Each once per plan, period and unit, ever: the notice row's primary key makes it exactly once across restarts and
 * replicas — the notice and its event commit together, and a second replica's insert does nothing.
 * The events are the hook for SMS, e-mail or OA gateways.
 */
@ApplicationScoped
public class DeadlineWatch {

    private static final Logger LOG = Logger.getLogger(DeadlineWatch.class);

    @Inject
    PlanDirectory plans;

    @Inject
    ReportEvents events;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Periods due before this are history (e.g. before a migration of past reports): not announced. */
    @ConfigProperty(name = "reporting.overdue.since")
    Optional<Instant> since;

    /** How many days before the deadline units that have not submitted are reminded. */
    @ConfigProperty(name = "reporting.reminders.days-before", defaultValue = "3")
    int reminderDays;

    @Scheduled(every = "${reporting.overdue.every:60s}", delayed = "${reporting.overdue.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void watch() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.warnf("deadline check failed, will retry at the next run: %s", e.toString());
        }
    }

    /** Checks every plan's periods; returns how many notices (openings, reminders and overdue) were new. */
    public int check() {
        Instant now = StoredTime.now(clock); // the notices' time, as their rows keep it
        int announced = 0;
        for (PlanInfo plan : QuarkusTransaction.requiringNew().call(plans::plans)) {
            for (Period period : Periods.of(plan.spanFrom(), plan.spanTo(), plan.rule())) {
                if (since.map(period.deadline()::isBefore).orElse(false)) {
                    continue;
                }
                if (!now.isBefore(period.opensAt(plan.rule().zone()))) {
                    announced += QuarkusTransaction.requiringNew().call(() -> open(plan, period, now));
                }
                if (!now.isBefore(period.deadline())) {
                    announced += QuarkusTransaction.requiringNew().call(() -> announce(plan, period, now));
                } else if (!now.isBefore(period.deadline().minus(Duration.ofDays(reminderDays)))) {
                    announced += QuarkusTransaction.requiringNew().call(() -> remind(plan, period, now));
                }
            }
        }
        return announced;
    }

    private int open(PlanInfo plan, Period period, Instant noticedAt) {
        boolean first = em.createNativeQuery("insert into period_notice (plan_code, period_code, noticed_at) "
                + "values (?1, ?2, ?3) on conflict do nothing").setParameter(1, plan.code()).setParameter(2, period.code())
                .setParameter(3, noticedAt).executeUpdate() == 1;
        if (first) {
            events.periodOpened(new PeriodOpened(plan.code(), period.code(), period.year(), period.quarter(),
                    period.dueDate(), period.deadline(), noticedAt));
        }
        return first ? 1 : 0;
    }

    private int remind(PlanInfo plan, Period period, Instant noticedAt) {
        int reminded = 0;
        for (ExpectedReport unit : notSubmitted(plan, period)) {
            if (firstNotice("reminder_notice", plan, period, unit, noticedAt)) {
                List<ReportDueSoon.Officer> officers = InformationOfficer.<InformationOfficer> list(
                        "unitCode = ?1 order by id", unit.unit()).stream()
                        .map(o -> new ReportDueSoon.Officer(o.id)).toList();
                events.reportDueSoon(new ReportDueSoon(plan.code(), period.code(), period.year(), period.quarter(),
                        unit.unit(), unit.category(), period.dueDate(), period.deadline(), officers, noticedAt));
                reminded++;
            }
        }
        return reminded;
    }

    private int announce(PlanInfo plan, Period period, Instant noticedAt) {
        int announced = 0;
        for (ExpectedReport unit : notSubmitted(plan, period)) {
            if (firstNotice("overdue_notice", plan, period, unit, noticedAt)) {
                events.reportOverdue(new ReportOverdue(plan.code(), period.code(), period.year(), period.quarter(),
                        unit.unit(), unit.category(), period.dueDate(), period.deadline(), plan.officeUnit(), noticedAt));
                announced++;
            }
        }
        return announced;
    }

    /** The expected units that have not submitted a report for the period. */
    private List<ExpectedReport> notSubmitted(PlanInfo plan, Period period) {
        Set<String> submitted = new HashSet<>();
        for (Object unit : em.createNativeQuery("select unit_code from report where plan_code = ?1 and period_code = ?2 "
                + "and first_submitted_at is not null").setParameter(1, plan.code()).setParameter(2, period.code())
                .getResultList()) {
            submitted.add((String) unit);
        }
        return plans.expected(plan.code(), period.year()).stream().filter(u -> !submitted.contains(u.unit())).toList();
    }

    /** Records the notice; false if it was already given (here or by another replica). */
    private boolean firstNotice(String table, PlanInfo plan, Period period, ExpectedReport unit, Instant at) {
        return em.createNativeQuery("insert into " + table + " (plan_code, period_code, unit_code, noticed_at) "
                + "values (?1, ?2, ?3, ?4) on conflict do nothing").setParameter(1, plan.code())
                .setParameter(2, period.code()).setParameter(3, unit.unit()).setParameter(4, at).executeUpdate() == 1;
    }
}
