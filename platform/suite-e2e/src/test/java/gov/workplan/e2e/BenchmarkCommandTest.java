package gov.workplan.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.workplan.benchmark.Benchmark;

/**
 * The shipped benchmark runs from a fresh clone: at the smallest size, so command 2 stays short, it
 * brings the suite up, submits two quarters, accounts for every report, and follows each paced one
 * through the services' traces. Its figures are not
 * judged here — speed is read from its table, never asserted in a test.
 */
class BenchmarkCommandTest {

    @Test
    void givenATinyPlan_whenTheBenchmarkRuns_thenEveryFigureIsWrittenAndNoReportIsLost() throws Exception {
        Path out = Files.createTempDirectory("workplan-benchmark-test-").resolve("figures.json");

        Benchmark.main(new String[] { "--units", "8", "--indicators", "3", "--rate", "50", "--concurrency", "4",
                "--warm-up-units", "4", "--traces", "--out", out.toString() });

        JsonNode figures = new ObjectMapper().readTree(out.toFile());
        assertTrue(figures.at("/floor/kafkaRoundTripMs/count").asInt() > 0, figures.toPrettyString());
        JsonNode run = figures.at("/runs/0");
        assertEquals(8, run.at("/units").asInt());
        assertEquals(1 + (8 + 3) + 3 + 8 * 3 + 2 + 1, run.at("/planEvents").asInt(), "the plan; its units (8 counties, "
                + "the city, the leading group and its office); indicators; a target per unit and indicator; tasks; the end");
        for (String phase : new String[] { "/paced", "/burst" }) {
            assertEquals(8, run.at(phase + "/submissions").asInt(), phase);
            assertEquals(0, run.at(phase + "/failed").asInt(), phase);
            assertEquals(8, run.at(phase + "/reportToRankingMs/count").asInt(), phase);
        }
        assertEquals(0, run.at("/checker/lost").asInt());
        assertEquals(0, run.at("/checker/unexpected").asInt());
        assertEquals(4 + 8 + 8, run.at("/checker/reportEventsPublished").asInt(), "warm-up, 2011-Q2, 2011-Q3");
        assertEquals(2, run.at("/checker/periodsOpened").asInt(), "2011-Q2's window, for each plan");
        assertTrue(run.at("/periodComputationBeforeFirstReport/count").asDouble() >= 1,
                "2011-Q2 computed before its first report: " + run.at("/periodComputationBeforeFirstReport"));
        assertTrue(run.at("/memory/assessment-service/rssMiB").asLong() > 0);
        assertEquals(8, run.at("/paced/stages/traced").asInt(), "every paced submission followed from its call to "
                + "assessment's consumer: " + run.at("/paced/stages"));
        assertEquals(8, run.at("/paced/stages/assessmentApplyingMs/count").asInt());
    }
}
