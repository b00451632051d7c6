package io.arbiter.core.project;

import io.arbiter.core.metrics.AgreementCell;
import io.arbiter.core.metrics.Bootstrap;
import io.arbiter.core.metrics.Estimate;
import io.arbiter.core.review.HeldOutSplit;
import io.arbiter.core.run.RowRatings;
import io.arbiter.core.run.RowResult;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a change between two runs helps the judge agree with people on the rows worked examples come from but not
 * on the rows held out from them: a prompt that fits its examples rather than the task. Each change is run B's
 * judge-vs-people agreement minus run A's on the rows a person judged and both judges read, with a paired bootstrap
 * interval (docs/STATISTICS.md, "Held-out rows").
 *
 * @param exampleRows B minus A on the promotable rows, the promoted examples among them
 * @param heldOut     B minus A on the held-out rows
 */
public record HeldOutChange(Estimate exampleRows, Estimate heldOut) {

    /** The two changes over every row of both runs (worked examples too), by row number. */
    public static HeldOutChange of(
            List<RowResult> runA, RowRatings ratingsA, List<RowResult> runB, RowRatings ratingsB, HeldOutSplit split) {
        return of(runA, ratingsA, runB, ratingsB, split, Bootstrap.standard());
    }

    static HeldOutChange of(
            List<RowResult> runA,
            RowRatings ratingsA,
            List<RowResult> runB,
            RowRatings ratingsB,
            HeldOutSplit split,
            Bootstrap bootstrap) {
        Map<Integer, RowResult> byRowA = new HashMap<>();
        runA.forEach(row -> byRowA.put(row.row(), row));
        // Cells (A agrees with the person, B agrees) as 2·a + b, one array for each side of the split.
        long[] examples = new long[4];
        long[] heldOut = new long[4];
        for (RowResult row : runB) {
            RowResult before = byRowA.get(row.row());
            if (before == null) {
                continue;
            }
            Optional<AgreementCell> a = AgreementCell.byHuman(ratingsA.rate(before));
            Optional<AgreementCell> b = AgreementCell.byHuman(ratingsB.rate(row));
            if (a.isPresent() && b.isPresent()) {
                long[] cells = split.heldOut(row.row()) ? heldOut : examples;
                cells[(a.get().agrees() ? 2 : 0) + (b.get().agrees() ? 1 : 0)]++;
            }
        }
        return new HeldOutChange(
                JudgeChange.change(examples, bootstrap, JudgeChange::predictionChange),
                JudgeChange.change(heldOut, bootstrap, JudgeChange::predictionChange));
    }

    /**
     * True when B agrees more with people than A on the example rows but the held-out rows do not show it: their
     * change is at most 0, or its interval reaches 0, or there are too few of them to tell; empty when either change
     * is undefined (no row a person judged on that side).
     */
    public Optional<Boolean> warns() {
        if (!exampleRows.isDefined() || !heldOut.isDefined()) {
            return Optional.empty();
        }
        boolean helpsExamples = exampleRows.value() > 0;
        // Without spread every resample moved the same way as the point; too few rows cannot show a gain.
        boolean helpsHeldOut = heldOut.value() > 0
                && (heldOut.hasInterval()
                        ? heldOut.ciLow() > 0
                        : heldOut.noInterval().equals(Estimate.NO_SPREAD));
        return Optional.of(helpsExamples && !helpsHeldOut);
    }

    /**
     * "The change helps the example rows (+0.12) but not the held-out rows (−0.01, n = 18): it may fit the examples
     * rather than the task."; empty when there is no warning.
     */
    public Optional<String> warning() {
        if (!warns().orElse(false)) {
            return Optional.empty();
        }
        return Optional.of("The change helps the example rows (" + signed(exampleRows.value())
                + ") but not the held-out rows (" + signed(heldOut.value()) + ", n = " + heldOut.n()
                + "): it may fit the examples rather than the task.");
    }

    /** "+0.12", "−0.01" (a true minus sign), "0.00". */
    static String signed(double value) {
        String digits = String.format(Locale.ROOT, "%.2f", Math.abs(value));
        if (digits.equals("0.00")) {
            return digits;
        }
        return (value > 0 ? "+" : "\u2212") + digits;
    }
}
