package gov.workplan.targets.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

/** Gathers a plan's targets, units and indicators for {@link DecompositionCheck}. */
@ApplicationScoped
public class Decompositions {

    /** The check for a plan, optionally narrowed to one year and one indicator. */
    public DecompositionCheck.Report check(Plan plan, Integer year, Indicator indicator) {
        String query = "from Target t join fetch t.unit u join fetch t.indicator i where t.planCode = :plan"
                + (year == null ? "" : " and t.year = :year") + " order by i.position, t.year, u.ordinal";
        Parameters params = Parameters.with("plan", plan.code);
        if (year != null) {
            params.and("year", year);
        }
        List<DecompositionCheck.Entry> targets = Target.<Target> find(query, params).list().stream()
                .map(t -> new DecompositionCheck.Entry(t.unit.code, t.indicator.code, t.year,
                        TargetValue.plain(t.value), TargetValue.plain(t.maxValue)))
                .toList();

        Map<String, List<String>> childrenOf = new LinkedHashMap<>();
        List<Unit> units = Unit.<Unit> list("code in ?1", plan.unitCodes);
        units.stream().sorted(Comparator.comparingLong(u -> u.ordinal))
                .filter(u -> u.parentCode != null)
                .forEach(u -> childrenOf.computeIfAbsent(u.parentCode, p -> new ArrayList<>()).add(u.code));

        Map<String, List<String>> componentsOf = new LinkedHashMap<>();
        Indicator.<Indicator> list("planCode", plan.code).stream().filter(i -> !i.sumOf.isEmpty())
                .forEach(i -> componentsOf.put(i.code, List.copyOf(i.sumOf)));

        DecompositionCheck.Report report = DecompositionCheck.check(targets, childrenOf, componentsOf);
        if (indicator == null) {
            return report;
        }
        var decompositions = report.decompositions().stream().filter(c -> c.indicator().equals(indicator.code)).toList();
        var compositions = report.compositions().stream().filter(c -> c.indicator().equals(indicator.code)).toList();
        int discrepancies = (int) (decompositions.stream().filter(c -> !c.consistent()).count()
                + compositions.stream().filter(c -> !c.consistent()).count());
        return new DecompositionCheck.Report(discrepancies == 0, discrepancies, decompositions, compositions);
    }
}
