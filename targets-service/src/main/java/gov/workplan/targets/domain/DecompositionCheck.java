package gov.workplan.targets.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that targets add up (目标分解核对): for every indicator and year, a unit's children (the
 * districts of the city) against the unit itself; and an indicator that is the sum of others (the
 * three industries' scales against the total) against its components. Pure: targets in, findings out.
 */
public final class DecompositionCheck {

    /** A target as the check sees it. */
    public record Entry(String unit, String indicator, int year, BigDecimal value, BigDecimal maxValue) {

        BigDecimal upper() {
            return maxValue != null ? maxValue : value;
        }
    }

    public record Part(String code, BigDecimal value, BigDecimal maxValue) {
    }

    /**
     * The children's targets against their parent's. {@code sum} and {@code maxSum} add the lower and
     * upper bounds (they differ only for RANGE targets); {@code difference} is sum minus parent value.
     */
    public record ChildrenCheck(String indicator, int year, String parent, BigDecimal parentValue,
            BigDecimal parentMaxValue, BigDecimal sum, BigDecimal maxSum, BigDecimal difference, boolean consistent,
            List<Part> children, List<String> missingChildren) {
    }

    /** An indicator's target against the sum of its components' targets for the same unit and year. */
    public record CompositionCheck(String indicator, int year, String unit, BigDecimal value, BigDecimal sum,
            BigDecimal difference, boolean consistent, List<Part> components, List<String> missingComponents) {
    }

    public record Report(boolean consistent, int discrepancies, List<ChildrenCheck> decompositions,
            List<CompositionCheck> compositions) {
    }

    private DecompositionCheck() {
    }

    /**
     * @param targets     every target in scope, in the order findings should be listed
     * @param childrenOf  for each unit, its child units that take part in the plan, in their order
     * @param componentsOf for each indicator that is a sum, its component indicators
     */
    public static Report check(List<Entry> targets, Map<String, List<String>> childrenOf,
            Map<String, List<String>> componentsOf) {
        Map<String, Entry> byKey = new HashMap<>();
        Map<String, List<Entry>> byIndicatorYear = new LinkedHashMap<>();
        for (Entry t : targets) {
            byKey.put(key(t.unit(), t.indicator(), t.year()), t);
            byIndicatorYear.computeIfAbsent(t.indicator() + "|" + t.year(), k -> new ArrayList<>()).add(t);
        }
        List<ChildrenCheck> decompositions = new ArrayList<>();
        for (List<Entry> group : byIndicatorYear.values()) {
            String indicator = group.get(0).indicator();
            int year = group.get(0).year();
            for (Map.Entry<String, List<String>> family : childrenOf.entrySet()) {
                List<Part> children = new ArrayList<>();
                List<String> missing = new ArrayList<>();
                for (String child : family.getValue()) {
                    Entry t = byKey.get(key(child, indicator, year));
                    if (t == null) {
                        missing.add(child);
                    } else {
                        children.add(new Part(child, t.value(), t.maxValue()));
                    }
                }
                if (children.isEmpty()) {
                    continue; // this indicator is not decomposed to these units
                }
                decompositions.add(children(indicator, year, byKey.get(key(family.getKey(), indicator, year)),
                        family.getKey(), children, missing));
            }
        }
        List<CompositionCheck> compositions = new ArrayList<>();
        for (Entry t : targets) {
            List<String> components = componentsOf.get(t.indicator());
            if (components != null && !components.isEmpty()) {
                compositions.add(composition(t, components, byKey));
            }
        }
        int discrepancies = (int) (decompositions.stream().filter(c -> !c.consistent()).count()
                + compositions.stream().filter(c -> !c.consistent()).count());
        return new Report(discrepancies == 0, discrepancies, decompositions, compositions);
    }

    private static ChildrenCheck children(String indicator, int year, Entry parent, String parentCode,
            List<Part> children, List<String> missing) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal maxSum = BigDecimal.ZERO;
        for (Part child : children) {
            sum = sum.add(child.value());
            maxSum = maxSum.add(child.maxValue() != null ? child.maxValue() : child.value());
        }
        boolean consistent = parent != null && missing.isEmpty() && sum.compareTo(parent.value()) == 0
                && maxSum.compareTo(parent.upper()) == 0;
        return new ChildrenCheck(indicator, year, parentCode, parent == null ? null : parent.value(),
                parent == null ? null : parent.maxValue(), sum, maxSum,
                parent == null ? null : sum.subtract(parent.value()), consistent, children, missing);
    }

    private static CompositionCheck composition(Entry total, List<String> components, Map<String, Entry> byKey) {
        List<Part> parts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (String component : components) {
            Entry t = byKey.get(key(total.unit(), component, total.year()));
            if (t == null) {
                missing.add(component);
            } else {
                parts.add(new Part(component, t.value(), t.maxValue()));
                sum = sum.add(t.value());
            }
        }
        boolean consistent = missing.isEmpty() && sum.compareTo(total.value()) == 0;
        return new CompositionCheck(total.indicator(), total.year(), total.unit(), total.value(), sum,
                sum.subtract(total.value()), consistent, parts, missing);
    }

    private static String key(String unit, String indicator, int year) {
        return unit + "|" + indicator + "|" + year;
    }
}
