package io.arbiter.core.project;

import io.arbiter.core.metrics.AgreementCell;
import io.arbiter.core.metrics.AgreementTable;
import io.arbiter.core.metrics.Bootstrap;
import io.arbiter.core.metrics.Estimate;
import io.arbiter.core.metrics.McNemar;
import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.metrics.TruthMatch;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Whether run B's judge is more often right than run A's, on the rows both judged: McNemar's test on the judge being
 * right or wrong per row (against the truth about the base answer: ground truth, else a person), not on its verdicts
 * flipping — a stricter judge flips verdicts without being more accurate — and paired bootstrap intervals for the
 * changes in judge-vs-truth accuracy, κ, sensitivity and specificity (the same rows in both runs in every resample,
 * so what the rows share cancels). docs/STATISTICS.md defines each.
 *
 * @param mcnemar          right → wrong (b) and wrong → right (c) over rows both runs' judges could be checked on
 * @param judgeVsTruth     B minus A: share of the judge's predictions that are among the truth labels
 * @param kappa            B minus A: Cohen's κ of the judge's verdict against the truth about the base answer
 * @param sensitivity      B minus A
 * @param specificity      B minus A
 */
public record JudgeChange(
        McNemar mcnemar, Estimate judgeVsTruth, Estimate kappa, Estimate sensitivity, Estimate specificity) {

    /** The change over {@code a[i]} and {@code b[i]}, the same dataset row in each run, with the standard bootstrap. */
    public static JudgeChange of(List<RatedRow> a, List<RatedRow> b) {
        return of(a, b, Bootstrap.standard());
    }

    static JudgeChange of(List<RatedRow> a, List<RatedRow> b, Bootstrap bootstrap) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("Paired rows: " + a.size() + " and " + b.size());
        }
        // Cells: judge-vs-truth right/wrong in each run (2 × 2), and each run's agreement cell (4 × 4).
        long[] predictions = new long[4];
        long[] verdicts = new long[16];
        long rightToWrong = 0;
        long wrongToRight = 0;
        for (int i = 0; i < a.size(); i++) {
            TruthMatch predictedA = TruthMatch.ofJudge(
                    a.get(i).scored().truth(), a.get(i).scored().judge());
            TruthMatch predictedB = TruthMatch.ofJudge(
                    b.get(i).scored().truth(), b.get(i).scored().judge());
            if (predictedA.scored() && predictedB.scored()) {
                predictions[(predictedA == TruthMatch.RIGHT ? 2 : 0) + (predictedB == TruthMatch.RIGHT ? 1 : 0)]++;
            }
            Optional<AgreementCell> cellA = AgreementCell.of(a.get(i));
            Optional<AgreementCell> cellB = AgreementCell.of(b.get(i));
            if (cellA.isPresent() && cellB.isPresent()) {
                verdicts[cellA.get().ordinal() * 4 + cellB.get().ordinal()]++;
                if (cellA.get().agrees() && !cellB.get().agrees()) {
                    rightToWrong++;
                } else if (!cellA.get().agrees() && cellB.get().agrees()) {
                    wrongToRight++;
                }
            }
        }
        return new JudgeChange(
                McNemar.of(rightToWrong, wrongToRight),
                change(predictions, bootstrap, JudgeChange::predictionChange),
                change(verdicts, bootstrap, cells -> tableChange(cells, AgreementTable::kappa)),
                change(verdicts, bootstrap, cells -> tableChange(cells, AgreementTable::sensitivity)),
                change(verdicts, bootstrap, cells -> tableChange(cells, AgreementTable::specificity)));
    }

    /** A paired statistic of per-row cells with its percentile interval over the cells' resamples. */
    static Estimate change(long[] cells, Bootstrap bootstrap, Function<long[], OptionalDouble> statistic) {
        long n = java.util.Arrays.stream(cells).sum();
        OptionalDouble point = n == 0 ? OptionalDouble.empty() : statistic.apply(cells);
        if (point.isEmpty()) {
            return Estimate.undefined(n);
        }
        long[][] resamples = bootstrap.resampleCells(cells);
        double[] replicates = new double[resamples.length];
        for (int r = 0; r < resamples.length; r++) {
            replicates[r] = statistic.apply(resamples[r]).orElse(Double.NaN);
        }
        return Bootstrap.percentile(point, n, replicates);
    }

    /** Share right in B minus in A; cells (A right, B right) as 2·a + b. */
    static OptionalDouble predictionChange(long[] cells) {
        long n = cells[0] + cells[1] + cells[2] + cells[3];
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) (cells[1] - cells[2]) / n);
    }

    /** The statistic of run B's agreement table minus run A's; cells (A's cell, B's cell) as 4·a + b. */
    private static OptionalDouble tableChange(long[] cells, Function<AgreementTable, OptionalDouble> statistic) {
        AgreementTable a = AgreementTable.EMPTY;
        AgreementTable b = AgreementTable.EMPTY;
        for (AgreementCell cellA : AgreementCell.values()) {
            for (AgreementCell cellB : AgreementCell.values()) {
                long count = cells[cellA.ordinal() * 4 + cellB.ordinal()];
                a = plus(a, cellA, count);
                b = plus(b, cellB, count);
            }
        }
        OptionalDouble before = statistic.apply(a);
        OptionalDouble after = statistic.apply(b);
        return before.isPresent() && after.isPresent()
                ? OptionalDouble.of(after.getAsDouble() - before.getAsDouble())
                : OptionalDouble.empty();
    }

    private static AgreementTable plus(AgreementTable table, AgreementCell cell, long count) {
        long tp = table.tp();
        long fp = table.fp();
        long fn = table.fn();
        long tn = table.tn();
        switch (cell) {
            case TRUE_ACCEPT -> tp += count;
            case FALSE_ACCEPT -> fp += count;
            case FALSE_REJECT -> fn += count;
            case TRUE_REJECT -> tn += count;
        }
        return new AgreementTable(tp, fp, fn, tn);
    }
}
