package gov.workplan.assessment.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A period's briefing (简报) as Markdown and as HTML: completion by industry and by district, the top
 * and bottom units of each ranking, late and missing reports, and the biggest movers. Pure: the
 * figures in, the text out.
 */
public final class Briefing {

    public record Line(String name, BigDecimal value) {
    }

    public record RankLine(String category, String unit, String unitName, BigDecimal score, int rank, Integer movement) {
    }

    public record Data(String plan, String planTitle, String period, List<Line> completionByIndustry,
            List<Line> completionByDistrict, List<RankLine> top, List<RankLine> bottom, List<String> late,
            List<String> missing, List<RankLine> movers, List<String> imported, DataQuality dataQuality) {

        /** The same briefing with the year's data-quality section (a fourth quarter's, once official figures exist). */
        public Data with(DataQuality quality) {
            return new Data(plan, planTitle, period, completionByIndustry, completionByDistrict, top, bottom, late, missing,
                    movers, imported, quality);
        }
    }

    /** 统计数据质量: how many year-end figures were compared with the official ones, and those too far apart. */
    public record DataQuality(int compared, List<Discrepancy> flagged) {
    }

    public record Discrepancy(String unitName, String indicator, BigDecimal selfReported, BigDecimal official,
            BigDecimal relativeDifference) {
    }

    private Briefing() {
    }

    public static String markdown(Data d) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(md(d.planTitle())).append(" — ").append(md(d.period())).append(" 简报 (briefing)\n\n");
        md.append("## Completion by industry (按产业)\n\n| Industry | Average completion |\n|---|---|\n");
        d.completionByIndustry().forEach(l -> md.append("| ").append(md(l.name())).append(" | ").append(percent(l.value())).append(" |\n"));
        md.append("\n## Completion by district (按区)\n\n| District | Average completion |\n|---|---|\n");
        d.completionByDistrict().forEach(l -> md.append("| ").append(md(l.name())).append(" | ").append(percent(l.value())).append(" |\n"));
        md.append("\n## Top units (前列)\n\n");
        ranks(md, d.top());
        md.append("\n## Bottom units (后列)\n\n");
        ranks(md, d.bottom());
        md.append("\n## Late and missing reports (迟报、漏报)\n\n");
        md.append("- Late: ").append(d.late().isEmpty() ? "none" : md(String.join(", ", d.late()))).append('\n');
        md.append("- Missing: ").append(d.missing().isEmpty() ? "none" : md(String.join(", ", d.missing()))).append('\n');
        md.append("- Imported from before the system (历史导入): ").append(d.imported().isEmpty() ? "none"
                : md(String.join(", ", d.imported()))).append('\n');
        md.append("\n## Biggest movers (名次变化)\n\n");
        if (d.movers().isEmpty()) {
            md.append("No movement since the previous period.\n");
        } else {
            d.movers().forEach(m -> md.append("- ").append(md(m.unitName())).append(" (").append(md(m.category())).append("): ")
                    .append(m.movement() > 0 ? "up " : "down ").append(Math.abs(m.movement())).append(" to rank ")
                    .append(m.rank()).append('\n'));
        }
        if (d.dataQuality() != null) {
            md.append("\n## Data quality (统计数据质量)\n\n").append(d.dataQuality().compared())
                    .append(" year-end figures compared with the official statistics; ")
                    .append(d.dataQuality().flagged().size()).append(" beyond the threshold.\n");
            if (!d.dataQuality().flagged().isEmpty()) {
                md.append("\n| Unit | Indicator | Self-reported | Official | Difference |\n|---|---|---|---|---|\n");
                d.dataQuality().flagged().forEach(q -> md.append("| ").append(md(q.unitName())).append(" | ")
                        .append(md(q.indicator())).append(" | ").append(q.selfReported().toPlainString()).append(" | ")
                        .append(q.official().toPlainString()).append(" | ").append(percent(q.relativeDifference()))
                        .append(" |\n"));
            }
        }
        return md.toString();
    }

    public static String html(Data d) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(d.planTitle())).append(" — ").append(esc(d.period())).append("</title></head><body>\n");
        h.append("<h1>").append(esc(d.planTitle())).append(" — ").append(esc(d.period())).append(" 简报</h1>\n");
        table(h, "Completion by industry (按产业)", "Industry", d.completionByIndustry());
        table(h, "Completion by district (按区)", "District", d.completionByDistrict());
        rankTable(h, "Top units (前列)", d.top());
        rankTable(h, "Bottom units (后列)", d.bottom());
        h.append("<h2>Late and missing reports (迟报、漏报)</h2>\n<p>Late: ")
                .append(esc(d.late().isEmpty() ? "none" : String.join(", ", d.late()))).append("</p>\n<p>Missing: ")
                .append(esc(d.missing().isEmpty() ? "none" : String.join(", ", d.missing()))).append("</p>\n<p>")
                .append("Imported from before the system (历史导入): ")
                .append(esc(d.imported().isEmpty() ? "none" : String.join(", ", d.imported()))).append("</p>\n");
        rankTable(h, "Biggest movers (名次变化)", d.movers());
        if (d.dataQuality() != null) {
            h.append("<h2>Data quality (统计数据质量)</h2>\n<p>").append(d.dataQuality().compared())
                    .append(" year-end figures compared with the official statistics; ")
                    .append(d.dataQuality().flagged().size()).append(" beyond the threshold.</p>\n");
            if (!d.dataQuality().flagged().isEmpty()) {
                h.append("<table><tr><th>Unit</th><th>Indicator</th><th>Self-reported</th><th>Official</th><th>Difference</th></tr>\n");
                d.dataQuality().flagged().forEach(q -> h.append("<tr><td>").append(esc(q.unitName())).append("</td><td>")
                        .append(esc(q.indicator())).append("</td><td>").append(q.selfReported().toPlainString())
                        .append("</td><td>").append(q.official().toPlainString()).append("</td><td>")
                        .append(percent(q.relativeDifference())).append("</td></tr>\n"));
                h.append("</table>\n");
            }
        }
        return h.append("</body></html>\n").toString();
    }

    /**
     * A name as Markdown text inside a line (names never start one here): every character Markdown would read
     * as syntax there is escaped, markup becomes entities and line breaks spaces, so a unit or plan name cannot
     * break a table, start a heading, make a link or inject HTML into a viewer.
     */
    static String md(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\r', '\n' -> out.append(' ');
                case '\\', '`', '*', '_', '[', ']', '(', ')', '|', '~' ->
                    out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void ranks(StringBuilder md, List<RankLine> lines) {
        md.append("| Category | Rank | Unit | Score |\n|---|---|---|---|\n");
        lines.forEach(r -> md.append("| ").append(md(r.category())).append(" | ").append(r.rank()).append(" | ")
                .append(md(r.unitName())).append(" | ").append(r.score().setScale(2, RoundingMode.HALF_UP).toPlainString())
                .append(" |\n"));
    }

    private static void table(StringBuilder h, String title, String head, List<Line> lines) {
        h.append("<h2>").append(esc(title)).append("</h2>\n<table><tr><th>").append(esc(head))
                .append("</th><th>Average completion</th></tr>\n");
        lines.forEach(l -> h.append("<tr><td>").append(esc(l.name())).append("</td><td>").append(percent(l.value()))
                .append("</td></tr>\n"));
        h.append("</table>\n");
    }

    private static void rankTable(StringBuilder h, String title, List<RankLine> lines) {
        h.append("<h2>").append(esc(title)).append("</h2>\n<table><tr><th>Category</th><th>Rank</th><th>Unit</th>"
                + "<th>Score</th><th>Movement</th></tr>\n");
        lines.forEach(r -> h.append("<tr><td>").append(esc(r.category())).append("</td><td>").append(r.rank())
                .append("</td><td>").append(esc(r.unitName())).append("</td><td>")
                .append(r.score().setScale(2, RoundingMode.HALF_UP).toPlainString()).append("</td><td>")
                .append(r.movement() == null ? "–" : (r.movement() > 0 ? "+" : "") + r.movement()).append("</td></tr>\n"));
        h.append("</table>\n");
    }

    static String percent(BigDecimal fraction) {
        return fraction.multiply(new BigDecimal("100")).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
