package gov.workplan.assessment.domain.annual;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.workplan.assessment.domain.AssessedRecords;
import gov.workplan.assessment.domain.AssessedRecords.Names;
import gov.workplan.assessment.domain.annual.AnnualScoring.Breakdown;
import gov.workplan.assessment.domain.annual.AnnualScoring.IndicatorLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Data quality (统计数据质量): what units reported about themselves at year end against the official statistics,
 * unit by indicator, with the relative difference and a flag where it is beyond the scheme's threshold. Read
 * from the live annual assessments, whose every indicator line keeps both figures.
 */
@ApplicationScoped
public class Reconciliation {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    AnnualSchemes schemes;

    @Inject
    AssessedRecords store;

    @Schema(name = "ReconciliationLine")
    public record Line(String unit, String unitNameZh, String category, String indicator,
            @Schema(description = "The unit's own Q4 year-to-date figure.") BigDecimal selfReported, BigDecimal official,
            String officialSource,
            @Schema(description = "(self-reported − official) ÷ official; null without both figures.") BigDecimal relativeDifference,
            @Schema(description = "Beyond the scheme's dataQualityThreshold.") boolean flagged) {
    }

    @Schema(name = "Reconciliation", description = "Self-reported year-end figures against the official statistics.")
    public record Report(String plan, int year, int compared, int flagged, List<Line> lines) {
    }

    public Report of(String plan, int year) {
        Map<String, Names> names = store.unitNames();
        Map<String, BigDecimal> thresholds = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        for (Object row : em.createNativeQuery("select unit_code, category, breakdown from annual_assessment where "
                + "plan_code = ?1 and year = ?2 order by category, unit_code").setParameter(1, plan).setParameter(2, year)
                .getResultList()) {
            Object[] r = (Object[]) row;
            String unit = (String) r[0];
            String category = (String) r[1];
            BigDecimal threshold = thresholds.computeIfAbsent(category,
                    c -> schemes.rulesFor(plan, c, year).dataQualityThreshold());
            for (IndicatorLine i : read((String) r[2]).indicators()) {
                BigDecimal difference = i.selfReported() == null || i.official() == null || i.official().signum() == 0 ? null
                        : i.selfReported().subtract(i.official()).divide(i.official(), 4, RoundingMode.HALF_UP);
                lines.add(new Line(unit, names.getOrDefault(unit, new Names(unit, unit)).nameZh(), category, i.indicator(),
                        i.selfReported(), i.official(), i.officialSource(), difference,
                        difference != null && difference.abs().compareTo(threshold) > 0));
            }
        }
        int compared = (int) lines.stream().filter(l -> l.relativeDifference() != null).count();
        int flagged = (int) lines.stream().filter(Line::flagged).count();
        return new Report(plan, year, compared, flagged, lines);
    }

    private Breakdown read(String json) {
        try {
            return mapper.readValue(json, Breakdown.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored annual breakdown is unreadable", e);
        }
    }
}
