package gov.workplan.assessment.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.workplan.assessment.domain.Briefing.Line;
import gov.workplan.assessment.domain.Briefing.RankLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Gathers a period's briefing figures from the current assessments. */
@ApplicationScoped
public class Briefings {

    private static final int TOP = 3;

    @Inject
    EntityManager em;

    @Inject
    AssessedRecords store;

    @Inject
    ObjectMapper mapper;

    @Inject
    Rankings rankings;

    /** One bar of a completion chart: an industry or a district, named in both languages. */
    @Schema(name = "CompletionShare")
    public record Share(String code, String nameZh, String nameEn, BigDecimal completion) {
    }

    /** Average completion (year-to-date actual ÷ annual target) by industry and by district. */
    @Schema(name = "Completion")
    public record Completion(List<Share> byIndustry, List<Share> byDistrict) {
    }

    /**
     * An industry's figure averages every assessed unit × indicator line of that industry (the city's
     * own lines included); a district's, every line of that district. Lines without an industry (e.g. a
     * combined scale) count for their district only.
     */
    public Completion completion(String plan, String period) {
        Map<String, String> industryOf = new HashMap<>();
        for (Object row : em.createNativeQuery("select code, industry from indicator where plan_code = ?1 "
                + "and industry is not null").setParameter(1, plan).getResultList()) {
            Object[] r = (Object[]) row;
            industryOf.put((String) r[0], (String) r[1]);
        }
        Map<String, List<BigDecimal>> byIndustry = new TreeMap<>();
        Map<String, List<BigDecimal>> byDistrict = new TreeMap<>();
        for (Object row : em.createNativeQuery("select unit_code, category, breakdown from unit_assessment "
                + "where plan_code = ?1 and period_code = ?2").setParameter(1, plan).setParameter(2, period)
                .getResultList()) {
            Object[] r = (Object[]) row;
            for (JsonNode line : read((String) r[2]).path("indicators")) {
                BigDecimal completion = line.path("completion").decimalValue();
                String industry = industryOf.get(line.path("indicator").asText());
                if (industry != null) {
                    byIndustry.computeIfAbsent(industry, k -> new ArrayList<>()).add(completion);
                }
                if ("DISTRICT".equals(r[1])) {
                    byDistrict.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(completion);
                }
            }
        }
        Map<String, AssessedRecords.Names> industries = store.industryNames(plan);
        Map<String, AssessedRecords.Names> units = store.unitNames();
        return new Completion(shares(byIndustry, industries), shares(byDistrict, units));
    }

    public Briefing.Data of(String plan, String period) {
        Completion completion = completion(plan, period);
        List<RankLine> entries = new ArrayList<>();
        for (Rankings.CategoryRanking ranking : rankings.of(plan, period, null)) {
            ranking.entries().forEach(e -> entries.add(new RankLine(ranking.category(), e.unit(), e.unitNameZh(), e.score(),
                    e.rank(), e.movement())));
        }
        Map<String, List<RankLine>> byCategory = new LinkedHashMap<>();
        entries.forEach(e -> byCategory.computeIfAbsent(e.category(), k -> new ArrayList<>()).add(e));
        List<RankLine> top = new ArrayList<>();
        List<RankLine> bottom = new ArrayList<>();
        byCategory.values().forEach(list -> {
            top.addAll(list.subList(0, Math.min(TOP, list.size())));
            bottom.addAll(list.subList(Math.max(0, list.size() - TOP), list.size()));
        });
        List<RankLine> movers = entries.stream().filter(e -> e.movement() != null && e.movement() != 0)
                .sorted(Comparator.comparing((RankLine e) -> Math.abs(e.movement())).reversed()
                        .thenComparing(RankLine::unit))
                .limit(5).toList();
        List<String> late = units("select unit_code from report where plan_code = ?1 and period_code = ?2 "
                + "and timeliness = 'LATE' order by unit_code", plan, period);
        List<String> missing = units("select o.unit_code from overdue o where o.plan_code = ?1 and o.period_code = ?2 "
                + "and not exists (select 1 from report r where r.plan_code = o.plan_code and r.period_code = o.period_code "
                + "and r.unit_code = o.unit_code and r.first_submitted_at is not null) order by o.unit_code", plan, period);
        String title = store.plan(plan).map(AssessedRecords.PlanInfo::title).orElse(plan);
        return new Briefing.Data(plan, title, period,
                completion.byIndustry().stream().map(l -> new Line(l.code(), l.completion())).toList(),
                completion.byDistrict().stream().map(l -> new Line(l.nameZh(), l.completion())).toList(),
                top, bottom, late, missing, movers, imported(plan, period), null);
    }

    /** Units whose report for the period was imported from before the system, not made in it. */
    public List<String> imported(String plan, String period) {
        return units("select unit_code from report where plan_code = ?1 and period_code = ?2 and imported "
                + "order by unit_code", plan, period);
    }

    private List<String> units(String sql, String plan, String period) {
        return em.createNativeQuery(sql).setParameter(1, plan).setParameter(2, period).getResultList().stream()
                .map(String.class::cast).toList();
    }

    private static List<Share> shares(Map<String, List<BigDecimal>> values, Map<String, AssessedRecords.Names> names) {
        return values.entrySet().stream().map(e -> {
            AssessedRecords.Names name = names.getOrDefault(e.getKey(), new AssessedRecords.Names(e.getKey(), e.getKey()));
            return new Share(e.getKey(), name.nameZh(), name.nameEn(), e.getValue().stream()
                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(e.getValue().size()), 4, RoundingMode.HALF_UP));
        }).toList();
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored breakdown is unreadable", e);
        }
    }
}
