package gov.workplan.assessment.domain.annual;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.workplan.assessment.domain.Schemes;
import gov.workplan.common.problem.ApiProblem;
import gov.workplan.common.problem.FieldErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Annual schemes as versioned data: the default for every new plan, new versions from the office. */
@ApplicationScoped
public class AnnualSchemes {

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /** The version effective for the year: the latest one effective from it or before; else the default. */
    public AnnualRules rulesFor(String plan, String category, int year) {
        AnnualScheme scheme = AnnualScheme.<AnnualScheme> find("planCode = ?1 and category = ?2 and effectiveYear <= ?3 "
                + "order by effectiveYear desc, version desc", plan, category, year).firstResult();
        return scheme == null ? AnnualRules.DEFAULT : read(scheme.rules);
    }

    public List<AnnualScheme> of(String plan) {
        return AnnualScheme.list("planCode = ?1 order by category, version", plan);
    }

    /** Loads the default annual scheme for a newly known plan, once per category, effective from its first year. */
    @Transactional(TxType.MANDATORY)
    public void ensureDefaults(String plan, int spanFrom) {
        for (String category : Schemes.DEFAULT_CATEGORIES) {
            if (AnnualScheme.count("planCode = ?1 and category = ?2", plan, category) == 0) {
                persist(plan, category, spanFrom, AnnualRules.DEFAULT, "default annual scheme, loaded with the plan",
                        "assessment-service");
            }
        }
    }

    /** The office defines a new version; the caller recalculates what it affects. */
    @Transactional(TxType.MANDATORY)
    public AnnualScheme define(String plan, String category, Integer effectiveYear, AnnualRules rules, String note,
            String actor) {
        FieldErrors errors = new FieldErrors();
        if (category == null || !category.matches("[A-Z_]{1,20}")) {
            errors.add("category", "must be a unit category such as DISTRICT or DEPARTMENT");
        }
        if (effectiveYear == null || effectiveYear < 1900 || effectiveYear > 2999) {
            errors.add("effectiveYear", "must be a year like 2011");
        }
        if (rules == null) {
            errors.add("rules", "is required");
        } else {
            rules.check("rules.").list().forEach(e -> errors.add(e.field(), e.message()));
        }
        errors.throwIfAny();
        return persist(plan, category, effectiveYear, rules, note, actor);
    }

    private AnnualScheme persist(String plan, String category, int year, AnnualRules rules, String note, String actor) {
        AnnualScheme scheme = new AnnualScheme();
        scheme.planCode = plan;
        scheme.category = category;
        scheme.version = (int) AnnualScheme.count("planCode = ?1 and category = ?2", plan, category) + 1;
        scheme.effectiveYear = year;
        scheme.rules = write(rules);
        scheme.note = note;
        scheme.createdAt = clock.instant();
        scheme.createdBy = actor;
        scheme.persist();
        return scheme;
    }

    public AnnualRules read(String json) {
        try {
            return mapper.readValue(json, AnnualRules.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored annual scheme is unreadable", e);
        }
    }

    private String write(AnnualRules rules) {
        try {
            return mapper.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw ApiProblem.invalid("rules", "cannot be stored: " + e.getOriginalMessage());
        }
    }
}
