package io.arbiter.core.metrics;

/**
 * McNemar's test for paired yes/no outcomes, e.g. the same rows judged by two runs. Only the discordant pairs
 * count: {@code b} rows yes in the first and no in the second, {@code c} the reverse. Below 25 discordant pairs
 * the exact two-sided binomial p-value is used (the chi-square approximation is poor there); from 25 on, the
 * chi-square statistic with Edwards' continuity correction, {@code (|b - c| - 1)² / (b + c)}, on one degree of
 * freedom.
 *
 * @param b         pairs yes in the first, no in the second
 * @param c         pairs no in the first, yes in the second
 * @param exact     true when {@code p} is the exact binomial p-value
 * @param statistic the corrected chi-square statistic (reported even when the exact p-value is used); 0 when b = c = 0
 * @param p         two-sided p-value; 1 when there is no discordant pair
 */
public record McNemar(long b, long c, boolean exact, double statistic, double p) {

    /** Below this many discordant pairs the exact test is used. */
    public static final int EXACT_BELOW = 25;

    public static McNemar of(long b, long c) {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("Discordant counts must not be negative: " + b + ", " + c);
        }
        long n = b + c;
        if (n == 0) {
            return new McNemar(0, 0, true, 0, 1);
        }
        double difference = Math.max(0, Math.abs(b - c) - 1);
        double statistic = difference * difference / n;
        if (n < EXACT_BELOW) {
            return new McNemar(b, c, true, statistic, exactP(Math.min(b, c), n));
        }
        return new McNemar(b, c, false, statistic, chiSquareOneDfSurvival(statistic));
    }

    /** Twice the lower binomial tail at k of n fair coin flips, capped at 1. */
    private static double exactP(long k, long n) {
        double tail = 0;
        double term = Math.pow(0.5, n); // C(n, 0) / 2^n; n < 25 keeps every term exact enough
        for (long i = 0; i <= k; i++) {
            tail += term;
            term = term * (n - i) / (i + 1);
        }
        return Math.min(1, 2 * tail);
    }

    /** P(X ≥ x) for chi-square with one degree of freedom: the regularised upper incomplete gamma Q(1/2, x/2). */
    static double chiSquareOneDfSurvival(double x) {
        if (x <= 0) {
            return 1;
        }
        return upperGammaHalf(x / 2);
    }

    private static final double LN_GAMMA_HALF = 0.5 * Math.log(Math.PI);
    private static final double EPSILON = 1e-15;

    /** Q(1/2, x) by the series below a + 1 and the Lentz continued fraction above (Numerical Recipes, 6.2). */
    private static double upperGammaHalf(double x) {
        double a = 0.5;
        double front = Math.exp(-x + a * Math.log(x) - LN_GAMMA_HALF);
        if (x < a + 1) {
            double term = 1 / a;
            double sum = term;
            for (int i = 1; i < 1000 && Math.abs(term) > Math.abs(sum) * EPSILON; i++) {
                term *= x / (a + i);
                sum += term;
            }
            return Math.max(0, 1 - sum * front);
        }
        double tiny = 1e-300;
        double bb = x + 1 - a;
        double cc = 1 / tiny;
        double d = 1 / bb;
        double h = d;
        for (int i = 1; i < 1000; i++) {
            double an = -i * (i - a);
            bb += 2;
            d = an * d + bb;
            d = Math.abs(d) < tiny ? tiny : d;
            cc = bb + an / cc;
            cc = Math.abs(cc) < tiny ? tiny : cc;
            d = 1 / d;
            double delta = d * cc;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                break;
            }
        }
        return front * h;
    }

    /** "McNemar p = 0.052 (exact, 6 vs 16 discordant rows)". */
    public String describe() {
        return String.format(
                java.util.Locale.ROOT,
                "McNemar p = %.3g (%s, %d vs %d discordant rows)",
                p,
                exact
                        ? "exact binomial"
                        : String.format(java.util.Locale.ROOT, "chi-square %.2f, continuity-corrected", statistic),
                b,
                c);
    }
}
