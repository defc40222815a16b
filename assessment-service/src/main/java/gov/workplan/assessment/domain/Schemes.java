package gov.workplan.assessment.domain;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.workplan.common.problem.ApiProblem;
import gov.workplan.common.problem.FieldErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Assessment schemes as versioned data: the default for every new plan, new versions from the office. */
@ApplicationScoped
public class Schemes {

    /** The categories ranked by default: the districts, and the city departments. */
    public static final List<String> DEFAULT_CATEGORIES = List.of("DISTRICT", "DEPARTMENT");

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /** The version effective for the period: the latest one effective from it or before; else the default. */
    public SchemeRules rulesFor(String plan, String category, PeriodCode period) {
        AssessmentScheme scheme = effective(plan, category, period);
        return scheme == null ? SchemeRules.DEFAULT : read(scheme.rules);
    }

    public AssessmentScheme effective(String plan, String category, PeriodCode period) {
        return AssessmentScheme.<AssessmentScheme> find("planCode = ?1 and category = ?2 and effectiveFrom <= ?3 "
                + "order by effectiveFrom desc, version desc", plan, category, period.code()).firstResult();
    }

    /** Loads the default scheme for a newly known plan, once. */
    @Transactional(TxType.MANDATORY)
    public void ensureDefaults(String plan, int spanFrom) {
        for (String category : DEFAULT_CATEGORIES) {
            if (AssessmentScheme.count("planCode = ?1 and category = ?2", plan, category) == 0) {
                persist(plan, category, PeriodCode.of(spanFrom, 1), SchemeRules.DEFAULT,
                        "default scheme, loaded with the plan", "assessment-service");
            }
        }
    }

    /** The office defines a new version; the caller recalculates what it affects. */
    @Transactional(TxType.MANDATORY)
    public AssessmentScheme define(String plan, String category, String effectiveFrom, SchemeRules rules, String note,
            String actor) {
        FieldErrors errors = new FieldErrors();
        if (category == null || !category.matches("[A-Z_]{1,20}")) {
            errors.add("category", "must be a unit category such as DISTRICT or DEPARTMENT");
        }
        PeriodCode from = PeriodCode.parse(effectiveFrom).orElse(null);
        if (from == null) {
            errors.add("effectiveFrom", "must be a period like 2011-Q3");
        }
        if (rules == null) {
            errors.add("rules", "is required");
        } else {
            rules.check("rules.").list().forEach(e -> errors.add(e.field(), e.message()));
        }
        if (note != null && note.length() > 2000) {
            errors.add("note", "must be at most 2000 characters");
        }
        errors.throwIfAny();
        return persist(plan, category, from, rules, note, actor);
    }

    private AssessmentScheme persist(String plan, String category, PeriodCode from, SchemeRules rules, String note,
            String actor) {
        AssessmentScheme scheme = new AssessmentScheme();
        scheme.planCode = plan;
        scheme.category = category;
        scheme.version = (int) AssessmentScheme.count("planCode = ?1 and category = ?2", plan, category) + 1;
        scheme.effectiveFrom = from.code();
        scheme.rules = write(rules);
        scheme.note = note;
        scheme.createdAt = clock.instant();
        scheme.createdBy = actor;
        scheme.persist();
        return scheme;
    }

    public SchemeRules read(String json) {
        try {
            return mapper.readValue(json, SchemeRules.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored scheme is unreadable", e);
        }
    }

    private String write(SchemeRules rules) {
        try {
            return mapper.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw ApiProblem.invalid("rules", "cannot be stored: " + e.getOriginalMessage());
        }
    }
}
