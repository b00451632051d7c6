package io.arbiter.core.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How repeatable one judge is when it reads each row N times (the raters of {@link Ratings} are the repeats). Over
 * the rows with at least two parsed readings (the repeated rows): the flip rate is the share of them whose readings
 * are not unanimous, with its Wilson interval; the mean agreement share is the mean over them of the modal
 * category's share of the row's readings, with its t interval. Fleiss' kappa across the repeats is over the rows
 * every repeat read. Each row's {@link Majority} is given, and the rows with readings but no majority are counted.
 *
 * @param rows           each row's majority, in row order
 * @param flipRate       repeated rows whose readings are not unanimous, with a 95% Wilson interval
 * @param meanAgreement  mean agreement share over the repeated rows, with a 95% t interval
 * @param fleiss         Fleiss' kappa across the repeats
 * @param repeatedRows   rows with at least two parsed readings
 * @param noMajorityRows rows with readings but no strict majority
 */
public record RepeatFigures(
        List<Majority> rows,
        Estimate flipRate,
        Estimate meanAgreement,
        FleissKappa fleiss,
        int repeatedRows,
        int noMajorityRows) {

    public RepeatFigures {
        rows = List.copyOf(rows);
    }

    /** The figures of the repeats with the standard bootstrap. */
    public static RepeatFigures of(Ratings repeats) {
        return of(repeats, Bootstrap.standard());
    }

    public static RepeatFigures of(Ratings repeats, Bootstrap bootstrap) {
        List<Majority> majorities = new ArrayList<>(repeats.size());
        int repeated = 0;
        int flipped = 0;
        int noMajority = 0;
        List<Double> shares = new ArrayList<>();
        for (int i = 0; i < repeats.size(); i++) {
            Majority majority = Majority.of(repeats.rows().get(i));
            majorities.add(majority);
            if (majority.noMajority()) {
                noMajority++;
            }
            if (majority.readings() >= 2) {
                repeated++;
                flipped += majority.unanimous() ? 0 : 1;
                shares.add(majority.agreementShare().getAsDouble());
            }
        }
        double[] values = shares.stream().mapToDouble(Double::doubleValue).toArray();
        long[] once = new long[values.length];
        Arrays.fill(once, 1);
        return new RepeatFigures(
                majorities,
                Wilson.interval(flipped, repeated),
                withinZeroOne(StudentT.meanInterval(values, once)),
                FleissKappa.of(repeats, bootstrap),
                repeated,
                noMajority);
    }

    /** A share's t interval can reach past 1 (or 0) when the rows are few; no share lies there. */
    private static Estimate withinZeroOne(Estimate mean) {
        if (!mean.hasInterval()) {
            return mean;
        }
        return new Estimate(mean.value(), Math.max(0, mean.ciLow()), Math.min(1, mean.ciHigh()), mean.n());
    }
}
