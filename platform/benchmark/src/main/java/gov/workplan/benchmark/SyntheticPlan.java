package gov.workplan.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A plan of the seed's shape at any size: the seed document's header, industries and the units its
 * header names (the city, the leading group and its office), then {@code units} districts, each with a
 * 2011 target for each of {@code indicators} indicators and two tasks every district leads, as a
 * national roll-out to county-level units would have. Deterministic for a given size.
 */
public final class SyntheticPlan {

    static final int YEAR = 2011;
    private static final Path SEED = Path.of("targets-service/src/main/resources/seed/szfb-2010-98.plan.json");
    private static final List<String> TASKS = List.of("2.1", "2.2");

    private final String code;
    private final List<String> units = new ArrayList<>();
    private final Map<String, BigDecimal> targets = new LinkedHashMap<>();
    private final List<String> indicators = new ArrayList<>();
    private final ObjectNode document;

    /** {@code name} sets the plan's code and its units' codes apart, e.g. bench or warmup. */
    public SyntheticPlan(ObjectMapper json, String name, int unitCount, int indicatorCount) {
        this.code = name + "-" + unitCount + "x" + indicatorCount;
        ObjectNode seed;
        try {
            seed = (ObjectNode) json.readTree(ServiceProcess.ROOT.resolve(SEED).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Random random = new Random(code.hashCode());
        document = json.createObjectNode();
        document.put("formatVersion", 1);
        ObjectNode header = ((ObjectNode) seed.get("plan")).deepCopy();
        header.put("code", code);
        header.put("title", "基准测试工作方案（" + unitCount + "个单位×" + indicatorCount + "项指标）");
        header.put("titleEn", "Benchmark plan (" + unitCount + " units × " + indicatorCount + " indicators)");
        header.put("documentNumber", "基准〔2011〕" + unitCount + "号");
        document.set("plan", header);
        document.set("industries", seed.get("industries"));

        ArrayNode unitEntries = document.putArray("units");
        for (JsonNode u : seed.get("units")) {
            String c = u.get("code").asText();
            if (c.equals(header.get("topUnit").asText()) || c.equals(header.get("officeUnit").asText())
                    || c.equals(header.get("approverUnit").asText())) {
                unitEntries.add(u);
            }
        }
        for (int i = 1; i <= unitCount; i++) {
            String unit = String.format("%s-county-%05d", name, i);
            units.add(unit);
            unitEntries.addObject().put("code", unit).put("nameZh", name + "县" + i).put("nameEn", name + " county " + i)
                    .put("category", "DISTRICT").put("parent", header.get("topUnit").asText());
        }

        ArrayNode indicatorEntries = document.putArray("indicators");
        String[] industries = { "bio", "internet", "new-energy" };
        for (int i = 1; i <= indicatorCount; i++) {
            String indicator = String.format("bench.indicator-%03d", i);
            indicators.add(indicator);
            indicatorEntries.addObject().put("code", indicator).put("nameZh", "基准指标" + i)
                    .put("nameEn", "Benchmark indicator " + i).put("industry", industries[i % industries.length])
                    .put("unitOfMeasure", "亿元").put("unitOfMeasureEn", "100 million yuan")
                    .put("caliber", "REGISTRATION_PLACE").putNull("sumOf").putNull("description");
        }

        ArrayNode targetEntries = document.putArray("targets");
        for (String unit : units) {
            for (String indicator : indicators) {
                BigDecimal value = BigDecimal.valueOf(10 + random.nextInt(990));
                targets.put(unit + "|" + indicator, value);
                targetEntries.addObject().put("unit", unit).put("indicator", indicator).put("year", YEAR)
                        .put("kind", "AT_LEAST").put("value", value).putNull("maxValue").putNull("wording")
                        .put("source", "TABLE");
            }
        }

        ArrayNode taskEntries = document.putArray("tasks");
        for (String task : TASKS) {
            ObjectNode t = taskEntries.addObject().put("code", task).put("section", 2).putNull("parent")
                    .put("title", "基准任务" + task).putNull("titleEn").putNull("description")
                    .putNull("responsibleText").put("deadline", YEAR + "-12-31").putNull("deadlineText").putNull("note");
            ArrayNode lead = t.putArray("lead");
            units.forEach(lead::add);
            t.putArray("coResponsible");
        }
    }

    public String code() {
        return code;
    }

    public List<String> units() {
        return units;
    }

    public int indicatorCount() {
        return indicators.size();
    }

    public JsonNode document() {
        return document;
    }

    /**
     * A report's content: every indicator at {@code share} of the unit's target (year to date), every
     * task in progress. The same unit's later reports use a larger share, so no figure drops.
     */
    public ObjectNode content(ObjectMapper json, String unit, double share) {
        ObjectNode content = json.createObjectNode();
        ArrayNode values = content.putArray("indicators");
        for (String indicator : indicators) {
            values.addObject().put("indicator", indicator).put("value",
                    targets.get(unit + "|" + indicator).multiply(BigDecimal.valueOf(share)).setScale(2,
                            java.math.RoundingMode.HALF_UP));
        }
        ArrayNode tasks = content.putArray("tasks");
        TASKS.forEach(t -> tasks.addObject().put("task", t).put("progress", "IN_PROGRESS"));
        return content;
    }
}
