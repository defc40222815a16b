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
                List.of("a|b"), List.of(), List.of(), List.of());
        String md = Briefing.markdown(data);
        assertTrue(md.contains("| bio\\|x | 50.0% |"), md);
        assertFalse(md.contains("<b>"), md);
        assertTrue(md.contains("- Late: a\\|b"), md);
    }
}
