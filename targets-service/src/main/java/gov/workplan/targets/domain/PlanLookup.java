package gov.workplan.targets.domain;

import gov.workplan.common.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;

/** Finds what a request names, or answers 404 naming the field that named it. */
@ApplicationScoped
public class PlanLookup {

    public Plan plan(String code) {
        Plan plan = code == null ? null : Plan.findById(code);
        if (plan == null) {
            throw ApiProblem.notFound("plan", "plan", code);
        }
        return plan;
    }

    public Unit unit(String code, String field) {
        Unit unit = code == null ? null : Unit.findById(code);
        if (unit == null) {
            throw ApiProblem.notFound(field, "unit", code);
        }
        return unit;
    }

    public Indicator indicator(Plan plan, String code, String field) {
        Indicator indicator = Indicator.find("planCode = ?1 and code = ?2", plan.code, code).firstResult();
        if (indicator == null) {
            throw ApiProblem.notFound(field, "indicator", code);
        }
        return indicator;
    }

    public Task task(Plan plan, String code) {
        Task task = Task.find("planCode = ?1 and code = ?2", plan.code, code).firstResult();
        if (task == null) {
            throw ApiProblem.notFound("task", "task", code);
        }
        return task;
    }

    /** A year in the plan's span, parsed from a request parameter; null when the parameter is absent. */
    public Integer year(Plan plan, String text, String field) {
        if (text == null) {
            return null;
        }
        int year;
        try {
            year = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid(field, "must be a year like " + plan.spanTo);
        }
        if (year < plan.spanFrom || year > plan.spanTo) {
            throw ApiProblem.invalid(field, "must be within the plan's span " + plan.spanFrom + "–" + plan.spanTo);
        }
        return year;
    }
}
