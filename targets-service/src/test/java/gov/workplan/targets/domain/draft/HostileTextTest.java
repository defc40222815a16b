package gov.workplan.targets.domain.draft;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Text built to make a reader's patterns backtrack — long runs of digits, of 《 and 上报, of notes that never
 * close, at the longest line the endpoint accepts — is read in linear time. The timeout is a hang detector, not a
 * speed claim: a quadratic pattern would take hours here.
 */
class HostileTextTest {

    private static final int LINE = 19_999;

    private static UnitDirectory shenzhen() {
        return SeedTextDraftTest.resource("seed/shenzhen.units.json", UnitDirectory.class);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void givenLinesBuiltToBacktrack_whenRead_thenTheReaderAnswers_withNothingDrafted() {
        StringBuilder text = new StringBuilder("各区人民政府：\n《方案》印发\n深圳市人民政府\n二○一○年十二月一日\n前言。\n\n（一）2011年目标。\n");
        for (String unit : new String[] { "1", "《", "上报", "印发", "（责任单位：（", "每季度第一个月十日前向", "1.", "1―" }) {
            text.append(unit.repeat(LINE / unit.length())).append('\n');
        }
        text.append("\n（一）任务。\n");
        for (String unit : new String[] { "（责任单位：", "到2011年3月底前", "年内", "、", "和" }) {
            text.append(unit.repeat(LINE / unit.length())).append("（责任单位：市统计局）\n");
        }
        PlanDraft draft = PlanTextReader.read(text.toString(), shenzhen());
        assertTrue(draft.plan().targets().size() < 10, "nothing that is not a target is drafted as many");
    }
}
