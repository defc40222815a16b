package gov.workplan.targets.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.workplan.common.problem.FieldError;
import gov.workplan.targets.SeedDocument;
import gov.workplan.targets.domain.PlanDocument.IndustryEntry;
import gov.workplan.targets.domain.PlanDocument.UnitEntry;

/** The import rules: a document is checked whole, and every error names its place in the document. */
class PlanDocumentRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final Function<String, UnitEntry> NO_UNITS = code -> null;
    private static final Function<String, IndustryEntry> NO_INDUSTRIES = code -> null;

    private static PlanDocument read(ObjectNode tree) throws Exception {
        return JSON.treeToValue(tree, PlanDocument.class);
    }

    private static List<String> fields(PlanDocument doc, Function<String, UnitEntry> units) {
        return PlanDocumentRules.check(doc, units, NO_INDUSTRIES).list().stream().map(FieldError::field).toList();
    }

    @Test
    void givenTheSeedDocument_whenChecked_thenItHasNoErrors() throws Exception {
        assertEquals(List.of(), fields(read(SeedDocument.tree()), NO_UNITS));
    }

    @Test
    void givenTargetsThatPointNowhere_whenChecked_thenEachIsNamedByItsIndex() throws Exception {
        ObjectNode tree = SeedDocument.tree();
        ArrayNode targets = (ArrayNode) tree.get("targets");
        ((ObjectNode) targets.get(0)).put("unit", "atlantis");
        ((ObjectNode) targets.get(1)).put("indicator", "scale.moon");
        ((ObjectNode) targets.get(2)).put("year", 2013);
        ((ObjectNode) targets.get(3)).remove("source");

        List<String> fields = fields(read(tree), NO_UNITS);
        assertTrue(fields.containsAll(List.of("targets[0].unit", "targets[1].indicator", "targets[2].year",
                "targets[3].source")), fields.toString());
    }

    @Test
    void givenTheSameTargetTwice_whenChecked_thenTheSecondIsRefused() throws Exception {
        ObjectNode tree = SeedDocument.tree();
        ArrayNode targets = (ArrayNode) tree.get("targets");
        targets.add(targets.get(0).deepCopy());

        assertEquals(List.of("targets[" + (targets.size() - 1) + "]"), fields(read(tree), NO_UNITS));
    }

    @Test
    void givenAUnitAlreadyRegisteredWithOtherNames_whenChecked_thenTheDocumentMayNotRedefineIt() throws Exception {
        PlanDocument doc = read(SeedDocument.tree());
        UnitEntry futian = doc.units().stream().filter(u -> u.code().equals("futian")).findFirst().orElseThrow();
        UnitEntry renamed = new UnitEntry(futian.code(), "福田新区", futian.nameEn(), futian.category(), futian.parent());
        int index = doc.units().indexOf(futian);

        assertEquals(List.of("units[" + index + "]"), fields(doc, code -> code.equals("futian") ? renamed : null));
        assertEquals(List.of(), fields(doc, code -> code.equals("futian") ? futian : null), "reusing a unit as it is");
    }

    @Test
    void givenTasksWithUnknownOrRepeatedUnitsAndAMissingParent_whenChecked_thenEveryOneIsNamed() throws Exception {
        ObjectNode tree = SeedDocument.tree();
        ArrayNode tasks = (ArrayNode) tree.get("tasks");
        ObjectNode first = (ObjectNode) tasks.get(0);
        first.putArray("lead").add("nobody");
        ObjectNode withUnits = (ObjectNode) tasks.get(1);
        String lead = withUnits.get("lead").get(0).asText();
        ((ArrayNode) withUnits.withArray("coResponsible")).add(lead);
        ((ObjectNode) tasks.get(2)).put("parent", "99.9");

        List<String> fields = fields(read(tree), NO_UNITS);
        assertTrue(fields.contains("tasks[0].lead[0]"), fields.toString());
        assertTrue(fields.stream().anyMatch(f -> f.startsWith("tasks[1].")), fields.toString());
        assertTrue(fields.contains("tasks[2].parent"), fields.toString());
    }

    @Test
    void givenAUnitThatIsItsOwnAncestor_whenChecked_thenTheCycleIsRefused() throws Exception {
        ObjectNode tree = SeedDocument.tree();
        ArrayNode units = (ArrayNode) tree.get("units");
        for (int i = 0; i < units.size(); i++) {
            if ("shenzhen".equals(units.get(i).path("code").asText())) {
                ((ObjectNode) units.get(i)).put("parent", "futian");
                assertTrue(fields(read(tree), NO_UNITS).contains("units[" + i + "].parent"));
                return;
            }
        }
        throw new AssertionError("the seed has the city");
    }
}
