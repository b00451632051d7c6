package io.arbiter.core.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The verbosity probe: does the judge favour longer base answers? A row's length is the number of characters
 * (Unicode code points) of its base answer, surrounding whitespace stripped; rows without an answer or without a
 * verdict (or score) are left out. The rows are cut at the three quartiles of length (Hyndman–Fan type 7, as NumPy's
 * default), a row on an edge going to the lower quartile (Q1: length ≤ e1, Q2: e1 < length ≤ e2, Q3: e2 < length ≤
 * e3, Q4: length > e3), so ties never split and a quartile can be empty. Per quartile: the acceptance rate with its
 * Wilson interval, or the mean score with its t interval. Spearman's ρ between length and verdict (1 accepted, 0 not)
 * or score is Pearson's correlation of their average ranks (ties share the mean of their ranks); its interval is
 * Fisher's z with the Bonett–Wright standard error, tanh(atanh ρ ± 1.96·√((1 + ρ²/2)/(n − 3))). Undefined with fewer
 * than 4 rows or when length or verdict never varies.
 *
 * @param unit       what a length counts: "characters"
 * @param edges      the three quartile edges e1, e2, e3 of length (empty with no row)
 * @param byQuartile Q1 to Q4: acceptance rate or mean score, each with its interval and rows
 * @param spearman   ρ between length and verdict or score, with its interval
 * @param scores     true when the figures are of scores, false of verdicts
 * @param reading    one line saying what the figures say
 */
public record LengthBias(
        String unit, List<Double> edges, List<Estimate> byQuartile, Estimate spearman, boolean scores, String reading) {

    /** The fewest rows with which ρ gets a figure (the interval's n − 3 must be positive). */
    public static final int FEWEST_ROWS = 4;

    public LengthBias {
        edges = List.copyOf(edges);
        byQuartile = List.copyOf(byQuartile);
    }

    /** The length of a base answer: its code points, surrounding whitespace stripped. */
    public static int length(String answer) {
        String stripped = answer.strip();
        return stripped.codePointCount(0, stripped.length());
    }

    /**
     * Verdicts: {@code accepted} is true where the judge accepted the row's base answer, false where it did not, null
     * where there is no verdict; {@code answers} holds the base answers (null where none), in the same row order.
     */
    public static LengthBias ofVerdicts(List<String> answers, List<Boolean> accepted) {
        List<Double> values =
                accepted.stream().map(a -> a == null ? null : a ? 1.0 : 0.0).toList();
        return of(answers, values, false);
    }

    /** Scores: {@code scores} holds each row's score, null (or NaN) where there is none. */
    public static LengthBias ofScores(List<String> answers, List<Double> scores) {
        return of(answers, scores, true);
    }

    private static LengthBias of(List<String> answers, List<Double> values, boolean scores) {
        if (answers.size() != values.size()) {
            throw new IllegalArgumentException(answers.size() + " answers for " + values.size() + " verdicts");
        }
        List<double[]> rows = new ArrayList<>(); // {length, value}
        for (int i = 0; i < answers.size(); i++) {
            Double value = values.get(i);
            if (answers.get(i) != null && value != null && Double.isFinite(value)) {
                rows.add(new double[] {length(answers.get(i)), value});
            }
        }
        double[] lengths = rows.stream().mapToDouble(r -> r[0]).toArray();
        double[] ys = rows.stream().mapToDouble(r -> r[1]).toArray();
        List<Double> edges = new ArrayList<>();
        List<Estimate> quartiles = new ArrayList<>();
        if (lengths.length == 0) {
            for (int q = 0; q < 4; q++) {
                quartiles.add(Estimate.undefined(0));
            }
        } else {
            double[] sorted = lengths.clone();
            Arrays.sort(sorted);
            for (double p : new double[] {0.25, 0.5, 0.75}) {
                edges.add(Bootstrap.quantile(sorted, p));
            }
            for (int q = 0; q < 4; q++) {
                quartiles.add(quartile(lengths, ys, edges, q, scores));
            }
        }
        Estimate rho = spearman(lengths, ys);
        return new LengthBias("characters", edges, quartiles, rho, scores, reading(rho, scores, lengths.length));
    }

    private static Estimate quartile(double[] lengths, double[] ys, List<Double> edges, int q, boolean scores) {
        double low = q == 0 ? Double.NEGATIVE_INFINITY : edges.get(q - 1);
        double high = q == 3 ? Double.POSITIVE_INFINITY : edges.get(q);
        List<Double> in = new ArrayList<>();
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] > low && lengths[i] <= high) {
                in.add(ys[i]);
            }
        }
        if (!scores) {
            long accepted = in.stream().filter(y -> y == 1.0).count();
            return Wilson.interval(accepted, in.size());
        }
        long[] once = new long[in.size()];
        Arrays.fill(once, 1);
        return StudentT.meanInterval(
                in.stream().mapToDouble(Double::doubleValue).toArray(), once);
    }

    /** ρ with its Fisher-z interval (Bonett–Wright standard error); undefined below 4 rows or with no spread. */
    static Estimate spearman(double[] x, double[] y) {
        int n = x.length;
        if (n < FEWEST_ROWS) {
            return Estimate.undefined(n);
        }
        OptionalDouble r = pearson(averageRanks(x), averageRanks(y));
        if (r.isEmpty()) {
            return Estimate.undefined(n);
        }
        double rho = Math.max(-1, Math.min(1, r.getAsDouble()));
        double z = 0.5 * Math.log((1 + rho) / (1 - rho)); // atanh; infinite at |ρ| = 1, where both ends are ρ
        double half = Wilson.Z95 * Math.sqrt((1 + rho * rho / 2) / (n - 3));
        return new Estimate(rho, Math.tanh(z - half), Math.tanh(z + half), n);
    }

    /** Ranks 1..n, each group of ties given the mean of the ranks it spans. */
    static double[] averageRanks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[values.length];
        for (int start = 0; start < order.length; ) {
            int end = start;
            while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) {
                end++;
            }
            double mean = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                ranks[order[k]] = mean;
            }
            start = end + 1;
        }
        return ranks;
    }

    private static OptionalDouble pearson(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        // Ranks are multiples of 1/2, so a constant side has exactly zero spread.
        return sxx == 0 || syy == 0 ? OptionalDouble.empty() : OptionalDouble.of(sxy / Math.sqrt(sxx * syy));
    }

    private static String reading(Estimate rho, boolean scores, int n) {
        if (!rho.isDefined()) {
            return n < FEWEST_ROWS
                    ? "Too few rows to tell whether length sways the judge (" + n + ")"
                    : scores
                            ? "Length or score never varies: no sign either way"
                            : "Length or verdict never varies: no sign either way";
        }
        String figure = "rho " + rho.format();
        if (rho.ciLow() > 0) {
            return (scores ? "Longer answers score higher: " : "Longer answers are accepted more often: ") + figure;
        }
        if (rho.ciHigh() < 0) {
            return (scores ? "Shorter answers score higher: " : "Shorter answers are accepted more often: ") + figure;
        }
        return "No sign that length sways the judge: " + figure;
    }
}
