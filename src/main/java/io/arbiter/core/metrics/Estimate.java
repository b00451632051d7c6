package io.arbiter.core.metrics;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A statistic with its 95% interval and the number of rows behind it. A statistic whose denominator is zero is
 * undefined and shows as "n/a"; a defined one may still lack an interval, and then says why ("too few rows"). An
 * interval of zero width is never kept: from a sample it would claim certainty the rows cannot give
 * (docs/STATISTICS.md, "Intervals at the edges"). Inside, NaN marks what is missing, but nothing leaves this record
 * as NaN: use {@link #point()}, {@link #low()}, {@link #high()} or {@link #format()}.
 *
 * @param value      the point estimate, NaN when undefined
 * @param ciLow      lower end of the 95% interval, NaN when there is none
 * @param ciHigh     upper end of the 95% interval, NaN when there is none
 * @param n          rows (or other units) the statistic was computed from
 * @param resampling how a bootstrap interval was drawn, {@link Resampling#NONE} for any other figure
 * @param noInterval why a defined figure has no interval (e.g. {@link #TOO_FEW_ROWS}), empty when it has one or
 *                   is undefined
 */
public record Estimate(double value, double ciLow, double ciHigh, long n, Resampling resampling, String noInterval) {

    /** Too few rows for the method to give an interval that keeps its coverage. */
    public static final String TOO_FEW_ROWS = "too few rows";

    /** The rows do not vary the figure at all (every resample, or every row, gives the same value). */
    public static final String NO_SPREAD = "no spread in the rows";

    /** Fewer than half the resamples give the figure a value. */
    public static final String MOSTLY_UNDEFINED = "most resamples undefined";

    public Estimate(double value, double ciLow, double ciHigh, long n) {
        this(value, ciLow, ciHigh, n, Resampling.NONE, "");
    }

    public Estimate {
        if (resampling == null || noInterval == null) {
            throw new IllegalArgumentException("resampling and noInterval must be given");
        }
        if (Double.isInfinite(value) || Double.isInfinite(ciLow) || Double.isInfinite(ciHigh)) {
            throw new IllegalArgumentException("Infinite estimate " + value + " [" + ciLow + ", " + ciHigh + "]");
        }
        if (Double.isNaN(value) || Double.isNaN(ciLow) || Double.isNaN(ciHigh)) {
            // An interval needs both ends, and there is no interval around nothing.
            if (Double.isNaN(value) || Double.isNaN(ciLow) != Double.isNaN(ciHigh)) {
                ciLow = Double.NaN;
                ciHigh = Double.NaN;
            }
        } else if (ciLow > ciHigh) {
            throw new IllegalArgumentException("Interval ends in the wrong order: [" + ciLow + ", " + ciHigh + "]");
        } else if (ciLow == ciHigh) {
            // A zero-width interval (all rows alike, or every resample the same) is a claim of certainty: drop it.
            ciLow = Double.NaN;
            ciHigh = Double.NaN;
            if (noInterval.isEmpty()) {
                noInterval = NO_SPREAD;
            }
        }
        if (Double.isNaN(value) || !Double.isNaN(ciLow)) {
            noInterval = "";
        }
        if (n < 0) {
            throw new IllegalArgumentException("Negative n " + n);
        }
    }

    /** A statistic that cannot be computed from n rows (a zero denominator). */
    public static Estimate undefined(long n) {
        return new Estimate(Double.NaN, Double.NaN, Double.NaN, n);
    }

    /** A value without an interval, or undefined when the value is NaN. */
    public static Estimate pointOnly(double value, long n) {
        return new Estimate(value, Double.NaN, Double.NaN, n);
    }

    /** A value that has no interval for the reason given (e.g. {@link #TOO_FEW_ROWS}). */
    public static Estimate withoutInterval(double value, long n, Resampling resampling, String why) {
        return new Estimate(value, Double.NaN, Double.NaN, n, resampling, why);
    }

    /** A value from an optional one: undefined when empty. */
    public static Estimate of(OptionalDouble value, long n) {
        return value.isPresent() ? pointOnly(value.getAsDouble(), n) : undefined(n);
    }

    public boolean isDefined() {
        return !Double.isNaN(value);
    }

    public boolean hasInterval() {
        return !Double.isNaN(ciLow);
    }

    public OptionalDouble point() {
        return isDefined() ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    public OptionalDouble low() {
        return hasInterval() ? OptionalDouble.of(ciLow) : OptionalDouble.empty();
    }

    public OptionalDouble high() {
        return hasInterval() ? OptionalDouble.of(ciHigh) : OptionalDouble.empty();
    }

    /** "0.62 [0.48, 0.74]", "1.00 (too few rows)" or "0.62" without an interval, or "n/a". */
    public String format() {
        if (!isDefined()) {
            return "n/a";
        }
        String point = String.format(Locale.ROOT, "%.2f", value);
        if (hasInterval()) {
            return point + String.format(Locale.ROOT, " [%.2f, %.2f]", ciLow, ciHigh);
        }
        return noInterval.isEmpty() ? point : point + " (" + noInterval + ")";
    }

    @Override
    public String toString() {
        return format() + " (n = " + n + ")";
    }
}
