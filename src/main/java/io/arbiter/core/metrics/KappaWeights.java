package io.arbiter.core.metrics;

/**
 * How weighted kappa credits a near miss: the disagreement weight of two levels i and j of a scale, relative to the
 * widest miss. Linear weights grow with the distance |i − j|, quadratic ones with its square (which makes the kappa
 * close to an intraclass correlation); either way exact agreement weighs 0 and the widest miss 1.
 */
public enum KappaWeights {
    LINEAR,
    QUADRATIC;

    /**
     * The disagreement weight of two levels {@code distance} apart, unscaled: |i − j| or (i − j)². Kappa is a ratio
     * of two sums of these, so the scale's width, which would turn them into 0–1 weights, cancels out.
     */
    public long disagreement(int distance) {
        long d = Math.abs(distance);
        return this == LINEAR ? d : d * d;
    }
}
