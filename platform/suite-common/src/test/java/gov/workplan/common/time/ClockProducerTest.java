package gov.workplan.common.time;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ClockProducerTest {

    private static final Optional<Instant> DEMO = Optional.of(Instant.parse("2011-07-05T00:00:00Z"));

    @Test
    void givenADemoClockUnderTheProdProfile_whenTheServiceStarts_thenItRefusesToStart() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ClockProducer.refuse(DEMO, List.of("prod")));
        assertTrue(refused.getMessage().contains("SUITE_CLOCK_START"), refused.getMessage());
    }

    @Test
    void givenADemoClockUnderDevTestOrProdWithDemo_whenTheServiceStarts_thenItRuns() {
        assertDoesNotThrow(() -> ClockProducer.refuse(DEMO, List.of("dev")));
        assertDoesNotThrow(() -> ClockProducer.refuse(DEMO, List.of("test")));
        assertDoesNotThrow(() -> ClockProducer.refuse(DEMO, List.of("prod", "demo")));
        assertDoesNotThrow(() -> ClockProducer.refuse(Optional.empty(), List.of("prod")));
    }
}
