package gov.workplan.targets.domain.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import gov.workplan.targets.domain.PlanDocument;
import gov.workplan.targets.domain.PlanDocument.TargetEntry;
import gov.workplan.targets.domain.PlanDocument.TaskEntry;
import gov.workplan.targets.domain.PlanDocument.UnitEntry;
import gov.workplan.targets.domain.draft.PlanDraft.ReviewItem;

/**
 * The seed document's own text (深府办〔2010〕98号, as published), drafted with the Shenzhen unit directory, against
 * the seed plan an engineer wrote by hand: every target (unit, year, kind, value, wording, source — indicators
 * matched by what they count, codes aside), every task (code, hierarchy, title, description, the note as written,
 * lead and co-responsible units in order, deadline), the header and the reporting rule.
 */
class SeedTextDraftTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static PlanDocument seed;
    static PlanDraft draft;

    static <T> T resource(String path, Class<T> type) {
        try (InputStream in = SeedTextDraftTest.class.getClassLoader().getResourceAsStream(path)) {
            if (type == String.class) {
                return type.cast(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void draftTheSeed() {
        seed = resource("seed/szfb-2010-98.plan.json", PlanDocument.class);
        UnitDirectory shenzhen = resource("seed/shenzhen.units.json", UnitDirectory.class);
        draft = PlanTextReader.read(resource("seed/szfb-2010-98.source.txt", String.class), shenzhen);
    }

    @Test
    void givenTheSeedText_whenDrafted_thenTheHeaderAndTheReportingRuleAreTheSeeds() {
        var s = seed.plan();
        var d = draft.plan().plan();
        assertEquals(List.of(s.code(), s.title(), s.noticeTitle(), s.documentNumber(), s.issuer(), s.issuedOn(),
                s.publishedOn(), s.indexNumber(), s.category(), s.sourceUrl(), s.addressees(), s.preamble(), s.spanFrom(),
                s.spanTo(), s.topUnit(), s.officeUnit(), s.approverUnit()),
                java.util.Arrays.asList(d.code(), d.title(), d.noticeTitle(), d.documentNumber(), d.issuer(), d.issuedOn(),
                        d.publishedOn(), d.indexNumber(), d.category(), d.sourceUrl(), d.addressees(), d.preamble(),
                        d.spanFrom(), d.spanTo(), d.topUnit(), d.officeUnit(), d.approverUnit()));
        assertEquals(s.reporting(), d.reporting());
        assertEquals(s.goals(), d.goals());
        assertEquals(s.appendices().stream().map(a -> a.number() + " " + a.title()).toList(),
                d.appendices().stream().map(a -> a.number() + " " + a.title()).toList());
    }

    @Test
    void givenTheSeedText_whenDrafted_thenEveryTargetIsTheSeeds_indicatorsMatchedByWhatTheyCount() {
        Map<String, String> indicators = indicatorMapping();
        Set<String> expected = new TreeSet<>();
        for (TargetEntry t : seed.targets()) {
            expected.add(line(t, t.indicator()));
        }
        Set<String> drafted = new TreeSet<>();
        for (TargetEntry t : draft.plan().targets()) {
            drafted.add(line(t, indicators.getOrDefault(t.indicator(), "unmatched:" + t.indicator())));
        }
        assertEquals(String.join("\n", expected), String.join("\n", drafted));
        assertEquals(seed.targets().size(), draft.plan().targets().size());
    }

    @Test
    void givenTheSeedText_whenDrafted_thenEveryIndicatorCountsWhatTheSeedsDoes_andIsCountedWhereTheNoteSays() {
        Map<String, String> mapping = indicatorMapping();
        assertEquals(seed.indicators().size(), draft.plan().indicators().size(), "one drafted indicator per seed indicator");
        assertEquals(seed.indicators().size(), new java.util.HashSet<>(mapping.values()).size());
        for (var d : draft.plan().indicators()) {
            var s = seed.indicators().stream().filter(i -> i.code().equals(mapping.get(d.code()))).findFirst().orElseThrow();
            assertEquals(s.industry(), d.industry(), d.code());
            assertEquals(s.unitOfMeasure(), d.unitOfMeasure(), d.code());
            if (d.industry() != null) {
                assertEquals(s.caliber(), d.caliber(), d.code());
            }
        }
    }

    @Test
    void givenTheSeedText_whenDrafted_thenEveryTaskIsTheSeeds() {
        Map<String, TaskEntry> drafted = draft.plan().tasks().stream()
                .collect(Collectors.toMap(TaskEntry::code, t -> t));
        assertEquals(seed.tasks().stream().map(TaskEntry::code).toList(),
                draft.plan().tasks().stream().map(TaskEntry::code).toList());
        for (TaskEntry s : seed.tasks()) {
            TaskEntry d = drafted.get(s.code());
            assertEquals(task(s), task(d), s.code());
        }
    }

    @Test
    void givenTheSeedText_whenDrafted_thenItsUnitsAreTheSeeds() {
        assertEquals(seed.units().stream().map(UnitEntry::code).collect(Collectors.toSet()),
                draft.plan().units().stream().map(UnitEntry::code).collect(Collectors.toSet()));
        assertEquals(seed.units(), draft.plan().units(), "names, categories and parents from the directory");
        assertEquals(seed.industries(), draft.plan().industries());
    }

    @Test
    void givenTheSeedText_whenDrafted_thenTheReviewListHoldsOnlyWhatTheTextCannotSay() {
        List<String> unexplained = new ArrayList<>();
        int englishNames = 0;
        for (ReviewItem item : draft.review()) {
            if (item.item().endsWith(".nameEn")) {
                englishNames++; // the text is in Chinese only
            } else if (!item.item().equals("tasks[10.3].lead")) { // 10.3 has no note: its lead is read from the text
                unexplained.add(item.toString());
            }
        }
        assertEquals(List.of(), unexplained);
        assertEquals(seed.indicators().size(), englishNames);
        assertTrue(draft.review().stream().anyMatch(r -> r.item().equals("tasks[10.3].lead")
                && r.problem().contains("市新兴高技术产业发展领导小组办公室")));
    }

    @Test
    void givenTheSeedText_whenDrafted_thenEveryTargetAndTaskCitesItsPassage() {
        String text = resource("seed/szfb-2010-98.source.txt", String.class);
        for (int i = 0; i < draft.plan().targets().size(); i++) {
            String item = "targets[" + i + "]";
            var citation = draft.citations().stream().filter(c -> c.item().equals(item)).findFirst().orElseThrow();
            assertEquals(citation.passage(), text.substring(citation.offset(), citation.offset() + citation.length()), item);
            TargetEntry target = draft.plan().targets().get(i);
            if (target.wording() != null) {
                assertEquals(target.wording(), citation.passage(), item);
            }
        }
        for (TaskEntry task : draft.plan().tasks()) {
            if (task.responsibleText() != null) {
                var citation = draft.citations().stream().filter(c -> c.item().equals("tasks[" + task.code() + "].lead"))
                        .findFirst().orElseThrow();
                assertTrue(citation.passage().contains(task.responsibleText()), task.code());
                assertEquals(citation.passage(), text.substring(citation.offset(), citation.offset() + citation.length()));
            }
        }
    }

    private static String line(TargetEntry t, String indicator) {
        return t.unit() + " " + indicator + " " + t.year() + " " + t.kind() + " " + t.value().stripTrailingZeros().toPlainString()
                + " " + (t.maxValue() == null ? "-" : t.maxValue().toPlainString()) + " " + t.wording() + " " + t.source();
    }

    private static List<Object> task(TaskEntry t) {
        return java.util.Arrays.asList(t.section(), t.parent(), t.title(), t.description(), t.responsibleText(), t.lead(),
                t.coResponsible(), t.deadline(), t.deadlineText());
    }

    /**
     * Drafted indicator code → seed indicator code, from the targets both have for the same unit, year and wording
     * (and, for the table's cells, unit, year and value); it must be one to one.
     */
    static Map<String, String> indicatorMapping() {
        Map<String, String> mapping = new HashMap<>();
        for (TargetEntry d : draft.plan().targets()) {
            for (TargetEntry s : seed.targets()) {
                boolean same = d.unit().equals(s.unit()) && d.year().equals(s.year()) && d.source() == s.source()
                        && (d.wording() != null ? d.wording().equals(s.wording())
                                : s.wording() == null && d.value().compareTo(s.value()) == 0
                                        && sameColumn(d, s));
                if (same) {
                    String before = mapping.put(d.indicator(), s.indicator());
                    if (before != null && !before.equals(s.indicator())) {
                        throw new AssertionError(d.indicator() + " counts both " + before + " and " + s.indicator());
                    }
                }
            }
        }
        return mapping;
    }

    /** A table cell's indicator: the one the city's prose target of that column has. */
    private static boolean sameColumn(TargetEntry d, TargetEntry s) {
        String dIndustry = draft.plan().indicators().stream().filter(i -> i.code().equals(d.indicator())).findFirst()
                .orElseThrow().industry();
        String sIndustry = seed.indicators().stream().filter(i -> i.code().equals(s.indicator())).findFirst()
                .orElseThrow().industry();
        return java.util.Objects.equals(dIndustry, sIndustry);
    }
}
