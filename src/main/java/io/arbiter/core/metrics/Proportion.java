package io.arbiter.core.metrics;

import java.util.Locale;
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
        return n == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * hits / n);
    }

    /** "72.5% (29/40)" or "n/a (0/0)". */
    public String describe() {
        return percent() + " (" + hits + "/" + n + ")";
    }
}
