package gov.workplan.common.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

/**
 * Every "now" of the suite comes from this clock, so that it can be replaced where a demo or a test
 * needs it. {@code suite.clock.start} (env {@code SUITE_CLOCK_START}, an ISO instant) makes the
 * clock start at that instant and run on from there: a demo can live inside a plan's span.
 *
 * <p>A production service never runs on a demo clock: it would shift every deadline, flag units overdue or
 * not, and stamp reports with invented times. Under the prod profile the service refuses to start with one,
 * unless the {@code demo} profile is active too ({@code QUARKUS_PROFILE=prod,demo}: the packaged services of
 * the end-to-end tests and the benchmark), which no deployment file sets.
 */
@ApplicationScoped
public class ClockProducer {

    private static final Logger LOG = Logger.getLogger(ClockProducer.class);

    @ConfigProperty(name = "suite.clock.start")
    Optional<Instant> start;

    void refuseADemoClockInProduction(@Observes StartupEvent event) {
        refuse(start, ConfigUtils.getProfiles());
    }

    /** The rule alone: a demo clock under prod, without demo, is refused (no setting can lift it). */
    static void refuse(Optional<Instant> start, List<String> profiles) {
        if (start.isPresent() && profiles.contains("prod") && !profiles.contains("demo")) {
            throw new IllegalStateException("SUITE_CLOCK_START (suite.clock.start=" + start.get() + ") is a demo clock "
                    + "and is refused under the prod profile: it would shift every deadline. Unset it, or run a demo "
                    + "with QUARKUS_PROFILE=prod,demo outside production");
        }
    }

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        if (start.isEmpty()) {
            return Clock.systemUTC();
        }
        LOG.warnf("demo clock: time starts at %s (suite.clock.start), not now", start.get());
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start.get()));
    }
}
