package io.arbiter.core.metrics;

/** The Wilson score interval for a proportion, which stays inside [0, 1] and behaves at 0/n and n/n. */
public final class Wilson {

    /** The normal quantile for a two-sided 95% interval. */
    public static final double Z95 = 1.959964;

    private Wilson() {}

    /** hits/n with its 95% Wilson interval; undefined when n = 0. */
    public static Estimate interval(long hits, long n) {
        return interval(hits, n, Z95);
    }

    /**
     * hits/n with its Wilson interval for the normal quantile z (Wilson 1927; Newcombe 1998, method 3):
     * (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n).
     */
    public static Estimate interval(long hits, long n, double z) {
        if (hits < 0 || hits > n) {
            throw new IllegalArgumentException("Bad proportion " + hits + "/" + n);
        }
        return interval((double) hits, (double) n, z);
    }

    /**
     * As {@link #interval(long, long, double)} on counts that may be fractional, such as the counts expected after
     * more labels ({@link LabelPlan}); n is rounded in the estimate. Undefined when n = 0.
     */
    static Estimate interval(double hits, double n, double z) {
        if (n == 0) {
            return Estimate.undefined(0);
        }
        double p = hits / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        // Rounding can push an end a hair past 0 or 1 at p = 0 or 1.
        return new Estimate(p, Math.max(0, centre - half), Math.min(1, centre + half), Math.round(n));
    }

    /** The proportion with its 95% Wilson interval. */
    public static Estimate of(Proportion proportion) {
        return interval(proportion.hits(), proportion.n());
    }
}
