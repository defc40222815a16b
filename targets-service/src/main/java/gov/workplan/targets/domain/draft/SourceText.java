package gov.workplan.targets.domain.draft;

import java.util.ArrayList;
import java.util.List;

/** A document's text as numbered lines, so that every passage drafted from it can be cited by line and offset. */
final class SourceText {

    /**
     * @param number 1-based
     * @param offset of the line's first character in the whole text
     * @param raw    as written
     * @param text   without the indentation and trailing spaces documents carry (full-width spaces included)
     */
    record Line(int number, int offset, String raw, String text) {

        boolean blank() {
            return text.isEmpty();
        }

        /** A passage of this line, by its position in {@link #text}. */
        Passage passage(int from, int to) {
            int lead = raw.indexOf(text);
            return new Passage(number, offset + Math.max(lead, 0) + from, text.substring(from, to));
        }

        Passage whole() {
            return passage(0, text.length());
        }
    }

    /** Text cited: where it starts and what it says. */
    record Passage(int line, int offset, String text) {

        Passage part(int from, int to) {
            return new Passage(line, offset + from, text.substring(from, to));
        }

        Passage trimmed() {
            int from = 0;
            int to = text.length();
            while (from < to && isSpace(text.charAt(from))) {
                from++;
            }
            while (to > from && isSpace(text.charAt(to - 1))) {
                to--;
            }
            return part(from, to);
        }
    }

    final List<Line> lines;

    SourceText(String text) {
        lines = new ArrayList<>();
        int offset = 0;
        int number = 1;
        for (String raw : text.split("\n", -1)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            lines.add(new Line(number++, offset, line, strip(line)));
            offset += raw.length() + 1;
        }
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u3000' || c == '\u00a0';
    }

    static String strip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }
}
