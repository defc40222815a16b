package gov.workplan.common.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Every "now" of the suite comes from this clock, so that it can be replaced where a demo or a test
 * needs it. {@code suite.clock.start} (env {@code SUITE_CLOCK_START}, an ISO instant) makes the
 * clock start at that instant and run on from there: a demo can live inside a plan's span.
 */
@ApplicationScoped
public class ClockProducer {

    private static final Logger LOG = Logger.getLogger(ClockProducer.class);

    @ConfigProperty(name = "suite.clock.start")
    Optional<Instant> start;

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
