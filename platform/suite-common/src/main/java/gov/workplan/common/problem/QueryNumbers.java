package gov.workplan.common.problem;

/**
 * Whole-number query parameters, read as text and checked against their range, so that 2147483648 or
 * -9223372036854775809 is a 400 naming the parameter rather than an overflow or JAX-RS's bare 404.
 */
public final class QueryNumbers {

    private QueryNumbers() {
    }

    /** The parameter's value, or null when absent; out of [min, max] or not a number is a 400 naming it. */
    public static Integer wholeNumber(String text, String field, int min, int max) {
        if (text == null) {
            return null;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value >= min && value <= max) {
                return (int) value;
            }
        } catch (NumberFormatException e) {
            // answered below, with the range
        }
        throw ApiProblem.invalid(field, "must be a whole number from " + min + " to " + max);
    }

    /** A calendar year as plans use them. */
    public static Integer year(String text, String field) {
        return wholeNumber(text, field, 1900, 2999);
    }
}
