package io.arbiter.core.project;

import io.arbiter.core.metrics.Bootstrap;
import io.arbiter.core.metrics.Estimate;
import io.arbiter.core.metrics.PairFigures;
import io.arbiter.core.run.RowRatings;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.verdict.PairJudgement;
import io.arbiter.core.verdict.PairOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Two pairwise runs of one dataset side by side: how each row's outcome moved from run A to run B, each run's own
 * figures (win rate of answer A, position consistency, human agreement), and the change in the win rate of answer A
 * over the rows both runs decided, with a paired percentile bootstrap over those rows (the standard
 * bootstrap's resamples and seed): each row keeps both runs' scores (1 for A, 0 for B, ½ for a tie or an inconsistent row), so what
 * the rows share cancels and only the judges' difference is left to vary.
 *
 * @param transitions counts[outcome in A][outcome in B] over rows both runs judged without an error, outcomes in
 *                    {@link PairOutcome} order (A, B, tie, inconsistent, unparsed)
 * @param changes     the rows whose outcome differs between the runs, by row
 * @param a           run A's figures over its own rows
 * @param b           run B's figures over its own rows
 * @param bothDecided rows decided (not unparsed) in both runs
 * @param winRateChange the win rate of answer A in run B minus in run A, over the rows both decided
 */
public record PairComparison(
        long[][] transitions,
        List<Change> changes,
        PairFigures a,
        PairFigures b,
        long bothDecided,
        Estimate winRateChange) {

    /** A row whose outcome differs between run A and run B. */
    public record Change(int row, PairOutcome a, PairOutcome b) {}

    public PairComparison {
        transitions = copy(transitions);
        changes = List.copyOf(changes);
    }

    /** Rows both runs judged without an error: the transitions' total. */
    public long rows() {
        return Arrays.stream(transitions).flatMapToLong(Arrays::stream).sum();
    }

    /** Rows whose outcome was {@code before} in run A and {@code after} in run B. */
    public long count(PairOutcome before, PairOutcome after) {
        return transitions[before.ordinal()][after.ordinal()];
    }

    @Override
    public long[][] transitions() {
        return copy(transitions);
    }

    /** Compares by dataset row index, each run's rows rated by its own ratings (its human preferences). */
    public static PairComparison of(
            List<RowResult> runA, RowRatings ratingsA, List<RowResult> runB, RowRatings ratingsB) {
        Map<Integer, PairOutcome> outcomesA = new HashMap<>();
        runA.forEach(row -> outcome(row).ifPresent(o -> outcomesA.put(row.row(), o)));
        int kinds = PairOutcome.values().length;
        long[][] transitions = new long[kinds][kinds];
        List<Change> changes = new ArrayList<>();
        long[] scoreCells = new long[9]; // [3 × score in A + score in B], scores 0 (B), 1 (½), 2 (A)
        for (RowResult row : runB) {
            PairOutcome before = outcomesA.get(row.row());
            PairOutcome after = outcome(row).orElse(null);
            if (before == null || after == null) {
                continue;
            }
            transitions[before.ordinal()][after.ordinal()]++;
            if (before != after) {
                changes.add(new Change(row.row(), before, after));
            }
            if (before != PairOutcome.UNPARSED && after != PairOutcome.UNPARSED) {
                scoreCells[3 * halves(before) + halves(after)]++;
            }
        }
        changes.sort(java.util.Comparator.comparingInt(Change::row));
        return new PairComparison(
                transitions,
                changes,
                figures(runA, ratingsA),
                figures(runB, ratingsB),
                Arrays.stream(scoreCells).sum(),
                winRateChange(scoreCells, Bootstrap.standard()));
    }

    /** The win rate of A in B minus in A over the rows both decided, with the paired bootstrap of those rows. */
    static Estimate winRateChange(long[] scoreCells, Bootstrap bootstrap) {
        long n = Arrays.stream(scoreCells).sum();
        if (n == 0) {
            return Estimate.undefined(0);
        }
        long[][] resamples = bootstrap.resampleCells(scoreCells);
        double[] replicates = new double[resamples.length];
        for (int r = 0; r < resamples.length; r++) {
            replicates[r] = change(resamples[r]);
        }
        return Bootstrap.percentile(OptionalDouble.of(change(scoreCells)), n, replicates);
    }

    /** Σ (score in B − score in A) / n, each score in halves (0, 1, 2). */
    private static double change(long[] cells) {
        long n = 0;
        long sum = 0;
        for (int k = 0; k < cells.length; k++) {
            n += cells[k];
            sum += cells[k] * (long) (k % 3 - k / 3);
        }
        return sum / (2.0 * n);
    }

    private static int halves(PairOutcome outcome) {
        return switch (outcome) {
            case A -> 2;
            case B -> 0;
            case TIE, INCONSISTENT -> 1;
            case UNPARSED -> throw new IllegalArgumentException("An unparsed row has no score");
        };
    }

    /** The row's outcome when its judge was asked without an error; empty for a failed or unreached row. */
    private static java.util.Optional<PairOutcome> outcome(RowResult row) {
        return !row.failed() && row.judgement() instanceof PairJudgement pair
                ? java.util.Optional.of(pair.outcome())
                : java.util.Optional.empty();
    }

    private static PairFigures figures(List<RowResult> rows, RowRatings ratings) {
        return ratings.scheme().figures(ratings.rateAll(rows)).pairs();
    }

    private static long[][] copy(long[][] table) {
        long[][] copy = new long[table.length][];
        for (int i = 0; i < table.length; i++) {
            copy[i] = table[i].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PairComparison that
                && Arrays.deepEquals(transitions, that.transitions)
                && changes.equals(that.changes)
                && a.equals(that.a)
                && b.equals(that.b)
                && bothDecided == that.bothDecided
                && winRateChange.equals(that.winRateChange);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(transitions) + 31 * changes.hashCode();
    }

    @Override
    public String toString() {
        return "PairComparison[transitions=" + Arrays.deepToString(transitions) + ", changes=" + changes
                + ", bothDecided=" + bothDecided + ", winRateChange=" + winRateChange + "]";
    }
}
