package gov.workplan.assessment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class BriefingTest {

    @Test
    void givenANameWithMarkdownOrMarkup_whenWrittenToTheMarkdownBriefing_thenItStaysText() {
        assertEquals("福田区 \\| \\*bold\\* &lt;img src=x onerror=alert\\(1\\)&gt; \\[link\\]\\(http://x\\)",
                Briefing.md("福田区 | *bold* <img src=x onerror=alert(1)> [link](http://x)"));
        assertEquals("# heading next line", Briefing.md("# heading\nnext line"));
    }

    @Test
    void givenAUnitNamedToBreakTheTable_whenBriefed_thenTheTableKeepsItsColumns() {
        Briefing.Data data = new Briefing.Data("p", "方案 | <b>x</b>", "2011-Q2",
                List.of(new Briefing.Line("bio|x", new BigDecimal("0.5"))), List.of(), List.of(), List.of(),
                List.of("a|b"), List.of(), List.of(), List.of(), null);
        String md = Briefing.markdown(data);
        assertTrue(md.contains("| bio\\|x | 50.0% |"), md);
        assertFalse(md.contains("<b>"), md);
        assertTrue(md.contains("- Late: a\\|b"), md);
        assertFalse(md.contains("Data quality"), "no section before official figures exist");
    }

    @Test
    void givenOfficialFiguresThatDifferBeyondTheThreshold_whenAFourthQuarterIsBriefed_thenTheDataQualitySectionListsThem() {
        Briefing.Data data = new Briefing.Data("p", "方案", "2011-Q4", List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), new Briefing.DataQuality(24, List.of(new Briefing.Discrepancy(
                        "福田区", "scale.bio", new BigDecimal("28"), new BigDecimal("25.2"), new BigDecimal("0.1111")))));
        String md = Briefing.markdown(data);
        assertTrue(md.contains("24 year-end figures compared with the official statistics; 1 beyond the threshold."), md);
        assertTrue(md.contains("| 福田区 | scale.bio | 28 | 25.2 | 11.1% |"), md);
        assertTrue(Briefing.html(data).contains("<td>福田区</td><td>scale.bio</td><td>28</td><td>25.2</td><td>11.1%</td>"));
    }
}
