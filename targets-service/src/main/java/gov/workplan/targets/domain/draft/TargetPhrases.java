package gov.workplan.targets.domain.draft;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gov.workplan.targets.domain.TargetKind;
import gov.workplan.targets.domain.draft.SourceText.Passage;

/**
 * Reads the targets a sentence states (目标表述): a value with its unit of measure, the words around it that say
 * how it is judged (以上, 左右, 不少于, 力争/争取, a range 1―2家), and what it counts. A sentence is split into
 * clauses at its commas; a clause that names two values joined by 和 is two targets; 力争 carries to the clauses
 * after it that say nothing of their own kind.
 */
final class TargetPhrases {

    /** Units of measure a target's value is written with; longest first, so 万千瓦 is not read as 千瓦. */
    static final String MEASURES = "万平方米|平方米|万千瓦|千瓦|万人次|万人|亿元|万元|元|个|家|项|人|所|座|条|台|套|件|种|批|次|公里|%|％";
    private static final Pattern VALUE = Pattern.compile(
            "(?<![\\d.])(\\d{1,15}(?:\\.\\d{1,6})?)(?:\\s{0,3}[―—–\\-－~～至]\\s{0,3}(\\d{1,15}(?:\\.\\d{1,6})?))?\\s{0,3}("
                    + MEASURES + ")");
    private static final Pattern STRIVE = Pattern.compile("^(力争|争取)");
    /** Words before what a target counts that do not change what is counted. */
    private static final Pattern LEADING = Pattern.compile("^(力争|争取|培育)+");
    /** How an enterprise tier is measured (年产值, 销售收入, 营业收入): the tier is the same indicator. */
    private static final Pattern QUALIFIER = Pattern.compile("^(年产值|产值|年销售收入|销售收入|营业收入|年营业收入)");
    private static final Pattern REACHES = Pattern.compile("(达到|达|为|超过|突破|不少于|不低于)$");

    /** A target read from a clause, before it is given a unit, year and indicator code. */
    record Phrase(Passage wording, TargetKind kind, boolean kindStated, BigDecimal value, BigDecimal maxValue,
            String measure, String subject, String indicatorName) {
    }

    private TargetPhrases() {
    }

    /** Whether a clause states a value with a unit of measure at all. */
    static boolean hasValue(String text) {
        return VALUE.matcher(text).find();
    }

    /** The targets of one sentence (without its 。), in order. */
    static List<Phrase> ofSentence(Passage sentence) {
        List<Phrase> phrases = new ArrayList<>();
        boolean striving = false;
        for (Passage clause : clauses(sentence)) {
            for (Part part : splitAtAnd(clause)) {
                Phrase phrase = ofClause(part.passage(), part.verb(), striving);
                if (phrase != null) {
                    phrases.add(phrase);
                    striving = phrase.kind() == TargetKind.STRIVE_FOR;
                }
            }
        }
        return phrases;
    }

    /** Clauses of a sentence, split at commas and semicolons. */
    static List<Passage> clauses(Passage sentence) {
        List<Passage> clauses = new ArrayList<>();
        String text = sentence.text();
        int from = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || "，,；;".indexOf(text.charAt(i)) >= 0) {
                Passage clause = sentence.part(from, i).trimmed();
                if (!clause.text().isEmpty()) {
                    clauses.add(clause);
                }
                from = i + 1;
            }
        }
        return clauses;
    }

    private record Part(Passage passage, String verb) {
    }

    /** 建成2个以上国家级研发平台和20个市级研发平台: two targets, the second sharing the first's verb (建成). */
    private static List<Part> splitAtAnd(Passage clause) {
        String text = clause.text();
        Matcher first = VALUE.matcher(text);
        if (first.find()) {
            int and = text.indexOf('和', first.end());
            if (and > 0 && VALUE.matcher(text.substring(and + 1)).lookingAt()) {
                String verb = LEADING.matcher(text.substring(0, first.start())).replaceFirst("");
                return List.of(new Part(clause.part(0, and), null), new Part(clause.part(and + 1, text.length()), verb));
            }
        }
        return List.of(new Part(clause, null));
    }

    private static Phrase ofClause(Passage clause, String inheritedVerb, boolean striving) {
        String text = clause.text();
        Matcher m = VALUE.matcher(text);
        if (!m.find()) {
            return null;
        }
        if (VALUE.matcher(text.substring(m.end())).find()) {
            return new Phrase(clause, null, false, null, null, null, null, null); // two values: for the office
        }
        String before = text.substring(0, m.start());
        String after = text.substring(m.end());
        BigDecimal value = new BigDecimal(m.group(1));
        BigDecimal max = m.group(2) == null ? null : new BigDecimal(m.group(2));
        TargetKind kind;
        boolean stated = true;
        if (STRIVE.matcher(before).find()) {
            kind = TargetKind.STRIVE_FOR;
        } else if (max != null) {
            kind = TargetKind.RANGE;
        } else if (after.startsWith("以上") || before.contains("不少于") || before.contains("不低于")) {
            kind = TargetKind.AT_LEAST;
        } else if (after.startsWith("左右")) {
            kind = TargetKind.ABOUT;
        } else if (striving) {
            kind = TargetKind.STRIVE_FOR;
        } else {
            kind = TargetKind.AT_LEAST; // 达到 and a bare count
            stated = before.endsWith("达到") || before.endsWith("达");
        }
        String rest = after.replaceFirst("^(以上|左右)", "");
        String verb = LEADING.matcher(before).replaceFirst("");
        String subject;
        String name;
        if (!rest.isEmpty()) {
            // 开发出1个以上创新药: what is counted follows the value; the verb says which count it is
            String object = rest;
            String fullVerb = verb.isEmpty() && inheritedVerb != null ? inheritedVerb : verb;
            subject = fullVerb + "|" + object;
            name = fullVerb + object;
        } else {
            // 生物产业规模达到700亿元: what is counted comes first
            String what = REACHES.matcher(verb).replaceFirst("");
            subject = QUALIFIER.matcher(what).replaceFirst("");
            name = subject;
        }
        return new Phrase(clause, kind, stated, value, max, normalMeasure(m.group(3)), subject, name);
    }

    private static String normalMeasure(String measure) {
        return "％".equals(measure) ? "%" : measure;
    }
}
