package gov.workplan.targets.domain;

import gov.workplan.contracts.ContractLimits;
import java.math.BigDecimal;
import java.util.Objects;

import gov.workplan.common.problem.FieldErrors;

/**
 * What a target asks for: a kind and a value (and for a range, its upper bound). Amounts are
 * non-negative decimals with at most four decimal places; 亿元 figures and counts both fit.
 */
public record TargetValue(TargetKind kind, BigDecimal value, BigDecimal maxValue) {

    /** Larger than any plausible target, small enough for numeric(22, 4). */
    public static final BigDecimal LIMIT = BigDecimal.TEN.pow(ContractLimits.AMOUNT_INTEGER_DIGITS);
    public static final int MAX_SCALE = ContractLimits.AMOUNT_FRACTION_DIGITS;

    /** Checks a proposed value; errors are named under {@code prefix} (e.g. {@code targets[3].}). */
    public static void check(TargetKind kind, BigDecimal value, BigDecimal maxValue, String prefix, FieldErrors errors) {
        if (kind == null) {
            errors.add(prefix + "kind", "is required: one of AT_LEAST, ABOUT, RANGE, STRIVE_FOR");
        }
        checkAmount(value, prefix + "value", true, errors);
        checkAmount(maxValue, prefix + "maxValue", false, errors);
        if (kind == TargetKind.RANGE) {
            if (maxValue == null) {
                errors.add(prefix + "maxValue", "is required for a RANGE target");
            } else if (value != null && maxValue.compareTo(value) < 0) {
                errors.add(prefix + "maxValue", "must not be below value");
            }
        } else if (kind != null && maxValue != null) {
            errors.add(prefix + "maxValue", "is only allowed for a RANGE target");
        }
    }

    private static void checkAmount(BigDecimal amount, String field, boolean required, FieldErrors errors) {
        if (amount == null) {
            if (required) {
                errors.add(field, "is required");
            }
            return;
        }
        if (amount.signum() < 0) {
            errors.add(field, "must not be negative");
        } else if (amount.compareTo(LIMIT) >= 0) {
            errors.add(field, "must be below " + LIMIT.toPlainString());
        } else if (amount.stripTrailingZeros().scale() > MAX_SCALE) {
            errors.add(field, "must have at most " + MAX_SCALE + " decimal places");
        }
    }

    /** The amount without the trailing zeros of its column: 700.0000 reads 700. */
    public static BigDecimal plain(BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros();
    }

    /** Same target in substance: 700 and 700.00 are the same value. */
    public boolean sameAs(TargetValue other) {
        return kind == other.kind && compare(value, other.value) && compare(maxValue, other.maxValue);
    }

    private static boolean compare(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? Objects.equals(a, b) : a.compareTo(b) == 0;
    }
}
