package gov.workplan.assessment.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.workplan.assessment.domain.AssessmentResult;
import gov.workplan.assessment.domain.Briefings;
import gov.workplan.assessment.domain.Results;
import gov.workplan.assessment.domain.annual.AnnualResult;
import gov.workplan.assessment.domain.annual.AnnualResults;
import gov.workplan.assessment.persistence.AssessmentStore;
import gov.workplan.assessment.domain.AssessedRecords.Names;
import gov.workplan.common.problem.ApiProblem;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The public results page (考核结果公示): published rankings of a plan and year, with charts of
 * completion by district and industry, in Chinese or English. Only published results ever reach it —
 * it reads the frozen snapshots, never the provisional tables. Server-rendered; ECharts comes from the
 * service's own jar, so the page works on an offline network.
 */
@Path("/public/results")
@Tag(name = "Public", description = "Published results, open to everyone.")
public class PublicResultsPage {

    /** Where ECharts is served from: the mvnpm jar's path, at the version the root pom pins. */
    static final String ECHARTS = "/_static/echarts/6.0.0/dist/echarts.min.js";
    /** The page's own script (META-INF/resources): a file, so the page's CSP can allow scripts from self only. */
    static final String SCRIPT = "/_static/workplan/public-results.js";
    private static final DateTimeFormatter PUBLISHED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    /** The public looks for the districts' ranking first (the plan's own table), then departments. */
    private static final List<String> CATEGORY_ORDER = List.of("DISTRICT", "DEPARTMENT", "CITY", "ENTERPRISE",
            "LEADING_GROUP");

    @Inject
    Template publicResults;

    @Inject
    Results results;

    @Inject
    AssessmentStore store;

    @Inject
    ObjectMapper mapper;

    @Inject
    AnnualResults annualResults;

    /** The page's words in one language. */
    @TemplateData
    public record Labels(String lang, String htmlLang, String other, String otherName, String pageTitle, String results,
            String published, String byDistrict, String byIndustry, String rank, String unit, String score,
            String movement, String nothing, String earlier, String plans, String completion, Map<String, String> categories,
            String imported, String annual, String grade, String chiefOfficial, String corrected) {
    }

    static final Labels ZH = new Labels("zh", "zh-CN", "en", "English", "考核结果公示", "考核结果", "发布时间",
            "各区完成率", "各产业完成率", "名次", "单位", "得分", "名次变化", "本年度尚无已发布的考核结果。", "已发布的考核结果",
            "已发布考核结果的工作方案", "平均完成率",
            Map.of("CITY", "全市", "DISTRICT", "各区（新区）", "DEPARTMENT", "市直部门", "ENTERPRISE", "企业",
                    "LEADING_GROUP", "领导小组办公室"), "（历史导入）", "年度考核结果", "等次", "行政主要领导", "（申诉后更正）");
    static final Labels EN = new Labels("en", "en", "zh", "中文", "Published assessment results", "Assessment results",
            "Published", "Completion by district", "Completion by industry", "Rank", "Unit", "Score", "Movement",
            "No results have been published for this year yet.", "Published results", "Plans with published results",
            "Average completion",
            Map.of("CITY", "City", "DISTRICT", "Districts", "DEPARTMENT", "City departments", "ENTERPRISE", "Enterprises",
                    "LEADING_GROUP", "Leading-group office"), " (imported from before the system)", "Annual assessment",
            "Grade", "Chief official", " (corrected after an objection)");

    @TemplateData
    public record Entry(int rank, String unit, String name, String score, String movement, boolean imported) {
    }

    @TemplateData
    public record Ranking(String category, String label, List<Entry> entries) {
    }

    @TemplateData
    public record Link(String label, String href, boolean current) {
    }

    /** A unit's line of a published annual result. */
    @TemplateData
    public record AnnualRow(int rank, String unit, String name, String officials, String score, String grade,
            String gradeCode, boolean corrected) {
    }

    @TemplateData
    public record AnnualTable(String category, String label, List<AnnualRow> rows) {
    }

    @TemplateData
    public record AnnualShown(String id, int year, int version, String publishedAt, List<AnnualTable> tables) {
    }

    @TemplateData
    public record Shown(String id, String period, String publishedAt, List<Ranking> rankings, boolean hasCompletion) {
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The public results page", description = "HTML for people: a plan's published rankings of a "
            + "year, with charts of completion by district and industry. Without `plan`, the plans that have published "
            + "results; without `year`, the latest year with any; without `result`, the latest published result of that "
            + "year. `lang` is zh (default) or en. No token needed.")
    @APIResponse(responseCode = "400", description = "year, result or lang malformed.")
    @APIResponse(responseCode = "404", description = "No such plan, or no such published result.")
    public TemplateInstance page(@Parameter(example = "szfb-2010-98") @QueryParam("plan") String plan,
            @Parameter(example = "2011") @QueryParam("year") String yearText,
            @Parameter(description = "A published result's id.") @QueryParam("result") String resultText,
            @Parameter(description = "zh or en.", example = "en") @QueryParam("lang") String lang) {
        Labels t = labels(lang);
        if (plan == null || plan.isBlank()) {
            List<Link> plans = new ArrayList<>();
            AssessmentResult.<AssessmentResult> list("status = ?1 order by planCode", AssessmentResult.Status.PUBLISHED)
                    .stream().map(r -> r.planCode).distinct().forEach(code -> plans.add(new Link(
                            title(code, t), href(code, null, null, t.lang()), false)));
            return publicResults.data("t", t).data("title", t.pageTitle()).data("plans", plans).data("shown", null)
                    .data("links", List.of()).data("years", List.of()).data("langHref", "?lang=" + t.other())
                    .data("chart", "{}").data("echarts", ECHARTS).data("script", SCRIPT).data("annual", null);
        }
        gov.workplan.assessment.domain.AssessedRecords.PlanInfo info = store.requirePlan(plan);
        List<AssessmentResult> published = AssessmentResult.list("planCode = ?1 and status = ?2 order by periodCode, "
                + "publishedAt", plan, AssessmentResult.Status.PUBLISHED);
        List<AnnualResult> annualPublished = annualResults.publishedOf(plan, null);
        Integer year = year(yearText, published, annualPublished);
        List<AssessmentResult> ofYear = published.stream().filter(r -> year != null && r.year == year).toList();
        AssessmentResult chosen = chosen(resultText, ofYear);
        List<Link> years = java.util.stream.Stream.concat(published.stream().map(r -> r.year),
                annualPublished.stream().map(r -> r.year)).distinct().sorted()
                .map(y -> new Link(String.valueOf(y), href(plan, y, null, t.lang()), y.equals(year))).toList();
        AnnualShown annual = annualPublished.stream().filter(r -> year != null && r.year == year).findFirst()
                .map(r -> annual(r, t)).orElse(null);
        List<Link> links = ofYear.stream().map(r -> new Link(r.periodCode + " · " + PUBLISHED.format(r.publishedAt),
                href(plan, r.year, r.id, t.lang()), r == chosen)).toList();
        Shown shown = null;
        Map<String, Object> chart = new LinkedHashMap<>();
        if (chosen != null) {
            Results.Snapshot snapshot = results.snapshot(chosen);
            Map<String, Names> units = store.unitNames();
            java.util.Set<String> imported = snapshot.importedUnits() == null ? java.util.Set.of()
                    : java.util.Set.copyOf(snapshot.importedUnits());
            List<Ranking> rankings = snapshot.rankings().stream()
                    .sorted(Comparator.comparingInt(r -> CATEGORY_ORDER.indexOf(r.category()) < 0 ? CATEGORY_ORDER.size()
                            : CATEGORY_ORDER.indexOf(r.category())))
                    .map(r -> new Ranking(r.category(),
                    t.categories().getOrDefault(r.category(), r.category()), r.entries().stream()
                            .map(e -> new Entry(e.rank(), e.unit(), "en".equals(t.lang())
                                    ? units.getOrDefault(e.unit(), new Names(e.unitNameZh(), e.unit())).nameEn()
                                    : e.unitNameZh(), e.score().setScale(2, RoundingMode.HALF_UP).toPlainString(),
                                    movement(e.movement()), imported.contains(e.unit())))
                            .toList()))
                    .toList();
            shown = new Shown(chosen.id.toString(), chosen.periodCode, PUBLISHED.format(chosen.publishedAt), rankings,
                    snapshot.completion() != null);
            if (snapshot.completion() != null) {
                chart.put("district", series(snapshot.completion().byDistrict(), t));
                chart.put("industry", series(snapshot.completion().byIndustry(), t));
                chart.put("label", t.completion());
            }
        }
        return publicResults.data("t", t).data("title", "en".equals(t.lang()) ? info.titleEn() : info.title())
                .data("plans", List.of()).data("shown", shown).data("links", links).data("years", years)
                .data("langHref", href(plan, year, chosen == null ? null : chosen.id, t.other()))
                .data("chart", json(chart)).data("echarts", ECHARTS).data("script", SCRIPT).data("annual", annual);
    }

    /** The year's published annual result: grades, scores, ranks, chief officials, lines corrected after an objection. */
    private AnnualShown annual(AnnualResult result, Labels t) {
        AnnualResults.Snapshot snapshot = annualResults.snapshot(result);
        List<AnnualTable> tables = snapshot.categories().stream()
                .sorted(Comparator.comparingInt(c -> CATEGORY_ORDER.indexOf(c.category()) < 0 ? CATEGORY_ORDER.size()
                        : CATEGORY_ORDER.indexOf(c.category())))
                .map(c -> new AnnualTable(c.category(), t.categories().getOrDefault(c.category(), c.category()),
                        c.units().stream().map(u -> new AnnualRow(u.rank(), u.unit(),
                                "en".equals(t.lang()) ? u.unitNameEn() : u.unitNameZh(),
                                String.join("、", u.chiefOfficials().stream().map(o -> o.name()).toList()),
                                u.score().setScale(2, RoundingMode.HALF_UP).toPlainString(),
                                "en".equals(t.lang()) ? u.grade().en() : u.grade().zh(), u.grade().name(),
                                !u.changedAfterObjection().isEmpty())).toList()))
                .toList();
        return new AnnualShown(result.id.toString(), result.year, result.version, PUBLISHED.format(result.publishedAt), tables);
    }

    private String title(String plan, Labels t) {
        return store.plan(plan).map(p -> "en".equals(t.lang()) ? p.titleEn() : p.title()).orElse(plan);
    }

    private static Labels labels(String lang) {
        if (lang == null || lang.isBlank() || "zh".equals(lang)) {
            return ZH;
        }
        if ("en".equals(lang)) {
            return EN;
        }
        throw ApiProblem.invalid("lang", "must be zh or en");
    }

    private static Integer year(String text, List<AssessmentResult> published, List<AnnualResult> annual) {
        if (text == null || text.isBlank()) {
            Integer quarterly = published.isEmpty() ? null : published.get(published.size() - 1).year;
            Integer yearly = annual.isEmpty() ? null : annual.get(annual.size() - 1).year;
            if (quarterly == null || yearly == null) {
                return quarterly == null ? yearly : quarterly;
            }
            return Math.max(quarterly, yearly);
        }
        try {
            int year = Integer.parseInt(text);
            if (year >= 1900 && year <= 2999) {
                return year;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.invalid("year", "must be a year like 2011");
    }

    /** The result asked for, or the year's latest published one. */
    private static AssessmentResult chosen(String text, List<AssessmentResult> ofYear) {
        if (text == null || text.isBlank()) {
            return ofYear.stream().reduce((a, b) -> a.periodCode.compareTo(b.periodCode) > 0 ? a
                    : a.periodCode.equals(b.periodCode) && a.publishedAt.isAfter(b.publishedAt) ? a : b).orElse(null);
        }
        UUID id;
        try {
            id = UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("result", "must be a result id (a UUID)");
        }
        return ofYear.stream().filter(r -> r.id.equals(id)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("result", "published result of that plan and year", text));
    }

    /** Highest completion first, as people read a bar chart. */
    private static Map<String, Object> series(List<Briefings.Share> unsorted, Labels t) {
        List<Briefings.Share> shares = unsorted.stream()
                .sorted(Comparator.comparing(Briefings.Share::completion).reversed()).toList();
        return Map.of("names", shares.stream().map(s -> "en".equals(t.lang()) ? s.nameEn() : s.nameZh()).toList(),
                "values", shares.stream().map(s -> s.completion().multiply(BigDecimal.valueOf(100))
                        .setScale(1, RoundingMode.HALF_UP)).toList());
    }

    private static String movement(Integer movement) {
        if (movement == null || movement == 0) {
            return "–";
        }
        return movement > 0 ? "↑" + movement : "↓" + (-movement);
    }

    private static String href(String plan, Integer year, UUID result, String lang) {
        StringBuilder h = new StringBuilder("/public/results?plan=").append(URLEncoder.encode(plan, StandardCharsets.UTF_8));
        if (year != null) {
            h.append("&year=").append(year);
        }
        if (result != null) {
            h.append("&result=").append(result);
        }
        return h.append("&lang=").append(lang).toString();
    }

    /** JSON for a script block: "</" is escaped so no value can close the script element. */
    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
