package io.arbiter.core.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalDouble;

/** A share with its counts: hits out of n. An empty denominator has no rate and shows as "n/a". */
public record Proportion(long hits, long n) {

    public Proportion {
        if (hits < 0 || n < 0 || hits > n) {
            throw new IllegalArgumentException("Bad proportion " + hits + "/" + n);
        }
    }

    public OptionalDouble rate() {
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) hits / n);
    }

    /** "72.5%" or "n/a". */
    public String percent() {
        return n == 0 ? "n/a" : percent((double) hits / n);
    }

    /**
     * A share as a percentage with one decimal, halves rounded up as written: 51/80 = 0.6375 reads "63.8%" whether
     * it comes from counts or from a stored double (whose binary value is a hair below 0.6375), so the workbench,
     * the Runs list and {@code arbiter runs} print the same figure.
     */
    public static String percent(double share) {
        if (!Double.isFinite(share)) {
            return "n/a";
        }
        return BigDecimal.valueOf(share).movePointRight(2).setScale(1, RoundingMode.HALF_UP) + "%";
    }

    /** "72.5% (29/40)" or "n/a (0/0)". */
    public String describe() {
        return percent() + " (" + hits + "/" + n + ")";
    }
}
