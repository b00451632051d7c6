package io.arbiter.core.metrics;

/**
 * How a bootstrap interval was drawn: the resamples, how many of them left the statistic undefined (a zero
 * denominator; the interval is taken over the others), and the Monte-Carlo standard error of the interval's ends,
 * the noise that a different seed would move them by.
 *
 * @param resamples       resamples drawn; 0 when the figure was not bootstrapped
 * @param undefined       resamples on which the statistic was undefined
 * @param monteCarloError the larger standard error of the two ends, NaN when there is no interval
 */
public record Resampling(int resamples, int undefined, double monteCarloError) {

    /** A figure that was not bootstrapped (a Wilson or t interval, or a count). */
    public static final Resampling NONE = new Resampling(0, 0, Double.NaN);

    public Resampling {
        if (resamples < 0 || undefined < 0 || undefined > resamples) {
            throw new IllegalArgumentException("Bad resampling " + undefined + " of " + resamples);
        }
    }

    public boolean bootstrapped() {
        return resamples > 0;
    }

    /** " 36 of 10000 resamples had no value and are left out of the interval." when some were, else empty. */
    public String leftOutSentence() {
        return undefined == 0
                ? ""
                : " " + undefined + " of " + resamples + " resamples had no value and are left out of the interval.";
    }

    /** ", 36 of 10000 resamples undefined" when some were, else empty: what a text line adds to the figure. */
    public String undefinedNote() {
        return undefined == 0 ? "" : ", " + undefined + " of " + resamples + " resamples undefined";
    }
}
