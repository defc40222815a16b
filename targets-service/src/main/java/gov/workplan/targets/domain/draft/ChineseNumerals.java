package gov.workplan.targets.domain.draft;

import java.time.LocalDate;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Numbers and dates written in Chinese characters, as documents date and number themselves. */
final class ChineseNumerals {

    static final String DIGITS = "〇○零一二三四五六七八九十两";
    private static final Pattern DATE = Pattern.compile("([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日");

    private ChineseNumerals() {
    }

    /** 十 → 10, 十二 → 12, 二十一 → 21, 三 → 3; digit by digit for years (二○一○ → 2010). */
    static OptionalInt value(String text) {
        if (text == null || text.isEmpty()) {
            return OptionalInt.empty();
        }
        if (text.matches("\\d+")) {
            return text.length() > 9 ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(text));
        }
        int ten = text.indexOf('十');
        if (ten < 0) {
            int value = 0;
            for (char c : text.toCharArray()) {
                int d = digit(c);
                if (d < 0) {
                    return OptionalInt.empty();
                }
                value = value * 10 + d;
            }
            return OptionalInt.of(value);
        }
        if (text.indexOf('十', ten + 1) >= 0 || text.length() > 3) {
            return OptionalInt.empty();
        }
        int tens = ten == 0 ? 1 : digit(text.charAt(0));
        int units = ten == text.length() - 1 ? 0 : digit(text.charAt(ten + 1));
        if (tens < 1 || units < 0 || ten > 1) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(tens * 10 + units);
    }

    /** A whole line that is a date in characters: 二○一○年十二月一日. */
    static LocalDate date(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(value(m.group(1)).orElseThrow(), value(m.group(2)).orElseThrow(),
                    value(m.group(3)).orElseThrow());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int digit(char c) {
        return switch (c) {
            case '〇', '○', '零' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }
}
