package io.arbiter.core.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which unlabelled rows a person should review next so that k more labels narrow the intervals on the judge's
 * sensitivity, its specificity and the prediction-powered base accuracy the most, and those intervals now and as
 * expected after the k labels. Definitions and a worked case: docs/STATISTICS.md, "What to label next".
 *
 * <p>The candidates are the rows the PPI's unlabelled set holds: a parsed base answer and a parsed verdict, nothing
 * (ground truth or a person) that says whether the base answer is right. The caller leaves out what the figures do
 * not count (worked examples, a draft's other rows). They fall in two strata by the judge's verdict. A label in the
 * Correct stratum lands in tp (the base answer is right: sensitivity's denominator) or fp (wrong: specificity's); one
 * in the Incorrect stratum in fn or tn. Each stratum's chance that its next label says "right" is its labelled rows'
 * rate with Laplace's rule, (right + 1) / (labelled + 2), so a stratum nobody has labelled starts at one half.
 *
 * <p>The k labels are given one at a time (greedy): each goes to the stratum whose label makes the sum of the three
 * 95% half-widths (Wilson for sensitivity and specificity, classic PPI) smallest once the expected counts are added;
 * an undefined interval counts as half-width 0.5, the whole of [0, 1]. Equal sums go to the stratum with more rows
 * left, then to Correct. Within a stratum rows go in a seeded random order (a 64-bit mix of the seed and the row,
 * distinct for distinct rows, so there are no ties), which stays the same as rows are labelled and leave the plan.
 *
 * <p>Expected intervals keep today's rates and change only how many rows stand behind them: Wilson at today's
 * sensitivity (specificity) with the expected number of right (wrong) answers; PPI around today's point with
 * today's variance of y − f, the expected |L| and what stays in U. Moving the rate to the expected counts' instead
 * would make an extreme rate (0 of 6 wrong answers rejected) look better known merely by staying extreme, and a
 * stratum nobody labelled look certain; while a figure is undefined today, the expected counts' rate stands in.
 *
 * <p>A plan that favours one stratum makes the labelled rows a sample weighted by the judge's verdict, not a random
 * one; the figures that treat them as random (sensitivity, specificity, PPI) lean towards the favoured stratum's
 * rates until the rest are labelled too. Labelling the whole plan and a random share of the rest keeps them honest.
 *
 * @param rows      the rows to label, in the order to label them
 * @param now       the three intervals from the labels there are
 * @param after     the three intervals expected once the planned rows are labelled
 * @param labelled  rows the judge's 2×2 table counts now
 * @param correct   candidates the judge called Correct
 * @param incorrect candidates the judge called Incorrect
 */
public record LabelPlan(List<Pick> rows, Intervals now, Intervals after, long labelled, long correct, long incorrect) {

    /** A row the figures count, by its dataset index, as people and the judge rated it. */
    public record Candidate(int row, RatedRow rated) {}

    /**
     * A planned row.
     *
     * @param row           its dataset index
     * @param judgeCorrect  true in the stratum the judge called Correct
     * @param narrowsMost   the figure this label narrows most in expectation
     */
    public record Pick(int row, boolean judgeCorrect, Figure narrowsMost) {

        /** Why this row, in words: "judge said Incorrect; narrows specificity most". */
        public String reason() {
            return "judge said " + (judgeCorrect ? "Correct" : "Incorrect") + "; narrows " + narrowsMost.title()
                    + " most";
        }
    }

    /** The figures the plan narrows. */
    public enum Figure {
        SENSITIVITY("sensitivity"),
        SPECIFICITY("specificity"),
        PPI_BASE_ACCURACY("PPI base accuracy");

        private final String title;

        Figure(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** Sensitivity and specificity (Wilson) and classic PPI base accuracy, each with its 95% interval. */
    public record Intervals(Estimate sensitivity, Estimate specificity, Estimate ppiBaseAccuracy) {

        /** The figure's estimate. */
        public Estimate of(Figure figure) {
            return switch (figure) {
                case SENSITIVITY -> sensitivity;
                case SPECIFICITY -> specificity;
                case PPI_BASE_ACCURACY -> ppiBaseAccuracy;
            };
        }

        /** Half the interval's width; 0.5, the whole of [0, 1], without an interval. */
        static double halfWidth(Estimate estimate) {
            return estimate.hasInterval() ? (estimate.ciHigh() - estimate.ciLow()) / 2 : 0.5;
        }
    }

    /** How many rows the plan could still propose: the unlabelled rows the judge read. */
    public long candidates() {
        return correct + incorrect;
    }

    /** A seed stable for a dataset, so the workbench and {@code label-next} order a stratum's rows alike. */
    public static long seedOf(String datasetName, int rows) {
        return ((long) datasetName.hashCode() << 32) ^ rows;
    }

    /** The plan for the next {@code count} labels (fewer when fewer rows are unlabelled). */
    public static LabelPlan of(List<Candidate> rows, int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("A plan needs a count of at least 0, not " + count);
        }
        AgreementTable table = AgreementTable.EMPTY;
        List<Integer> correct = new ArrayList<>();
        List<Integer> incorrect = new ArrayList<>();
        for (Candidate candidate : rows) {
            ScoredRow r = candidate.rated().scored();
            if (!AgreementCell.judged(r)) {
                continue; // a label would not reach the 2×2 table or PPI
            }
            var cell = AgreementCell.of(candidate.rated());
            if (cell.isPresent()) {
                table = table.plus(cell.get().judgeSaysCorrect(), cell.get().baseIsRight());
            } else {
                (AgreementCell.saysCorrect(r) ? correct : incorrect).add(candidate.row());
            }
        }
        Comparator<Integer> shuffled = Comparator.comparingLong(row -> mix(seed ^ row));
        correct.sort(shuffled);
        incorrect.sort(shuffled);

        Expected counts = Expected.of(table, correct.size(), incorrect.size());
        // Now: exactly the report's figures (JudgeAgreement, PredictionPowered), from the counts themselves.
        Intervals now = new Intervals(
                Wilson.interval(table.tp(), table.right()),
                Wilson.interval(table.tn(), table.wrong()),
                PredictionPowered.of(table, correct.size(), correct.size() + incorrect.size())
                        .classic());
        double rightIfCorrect = (table.tp() + 1.0) / (table.judgedCorrect() + 2.0);
        double rightIfIncorrect = (table.fn() + 1.0) / (table.judgedIncorrect() + 2.0);
        List<Pick> picks = new ArrayList<>();
        int takenCorrect = 0;
        int takenIncorrect = 0;
        while (picks.size() < count && takenCorrect + takenIncorrect < correct.size() + incorrect.size()) {
            Intervals before = counts.intervals();
            Expected ifCorrect = takenCorrect < correct.size() ? counts.labelCorrect(rightIfCorrect) : null;
            Expected ifIncorrect = takenIncorrect < incorrect.size() ? counts.labelIncorrect(rightIfIncorrect) : null;
            boolean toCorrect = ifIncorrect == null
                    || ifCorrect != null
                            && prefer(
                                    ifCorrect.intervals(),
                                    correct.size() - takenCorrect,
                                    ifIncorrect.intervals(),
                                    incorrect.size() - takenIncorrect);
            counts = toCorrect ? ifCorrect : ifIncorrect;
            int row = toCorrect ? correct.get(takenCorrect++) : incorrect.get(takenIncorrect++);
            picks.add(new Pick(row, toCorrect, narrowsMost(before, counts.intervals())));
        }
        return new LabelPlan(picks, now, counts.intervals(), table.n(), correct.size(), incorrect.size());
    }

    /** True when a label in the Correct stratum leaves the narrower sum of half-widths (ties: more rows left). */
    private static boolean prefer(Intervals ifCorrect, int leftCorrect, Intervals ifIncorrect, int leftIncorrect) {
        double correct = sum(ifCorrect);
        double incorrect = sum(ifIncorrect);
        if (correct != incorrect) {
            return correct < incorrect;
        }
        return leftCorrect >= leftIncorrect;
    }

    private static double sum(Intervals intervals) {
        double sum = 0;
        for (Figure figure : Figure.values()) {
            sum += Intervals.halfWidth(intervals.of(figure));
        }
        return sum;
    }

    /** The figure whose half-width shrank most from {@code before} to {@code after}; the first of equals. */
    private static Figure narrowsMost(Intervals before, Intervals after) {
        Figure most = Figure.SENSITIVITY;
        double largest = Double.NEGATIVE_INFINITY;
        for (Figure figure : Figure.values()) {
            double shrink = Intervals.halfWidth(before.of(figure)) - Intervals.halfWidth(after.of(figure));
            if (shrink > largest) {
                largest = shrink;
                most = figure;
            }
        }
        return most;
    }

    /** SplitMix64's finaliser: a bijection on longs, so distinct rows get distinct places. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * The 2×2 counts and the unlabelled Correct and Incorrect rows, fractional once expected labels are added, and
     * the labels there are now, whose rates the expected intervals keep.
     */
    private record Expected(
            double tp, double fp, double fn, double tn, double unlabelledCorrect, double unlabelled, Now now) {

        /** The table there is and its figures: the rates the expected intervals keep. */
        private record Now(AgreementTable table, double sensitivity, double specificity, Estimate ppi) {}

        static Expected of(AgreementTable t, int correct, int incorrect) {
            Estimate ppi = PredictionPowered.estimate(t.tp(), t.fp(), t.fn(), t.tn(), correct, correct + incorrect, 1);
            Now now = new Now(
                    t, t.sensitivity().orElse(Double.NaN), t.specificity().orElse(Double.NaN), ppi);
            return new Expected(t.tp(), t.fp(), t.fn(), t.tn(), correct, correct + incorrect, now);
        }

        Expected labelCorrect(double right) {
            return new Expected(tp + right, fp + 1 - right, fn, tn, unlabelledCorrect - 1, unlabelled - 1, now);
        }

        Expected labelIncorrect(double right) {
            return new Expected(tp, fp, fn + right, tn + 1 - right, unlabelledCorrect, unlabelled - 1, now);
        }

        Intervals intervals() {
            // While fewer than two rows are labelled there is no variance of y − f to keep: the expected counts'.
            Estimate ppi = now.table().n() < 2
                    ? PredictionPowered.estimate(tp, fp, fn, tn, unlabelledCorrect, unlabelled, 1)
                    : PredictionPowered.expected(
                            now.ppi(), now.table(), tp + fp + fn + tn, unlabelledCorrect, unlabelled);
            return new Intervals(wilson(now.sensitivity(), tp, tp + fn), wilson(now.specificity(), tn, fp + tn), ppi);
        }

        /**
         * The Wilson interval of {@code n} rows at the rate there is now; at the expected rate while there is none.
         * Keeping the rate keeps an extreme rate (0/5) from looking better known merely for staying extreme.
         */
        private static Estimate wilson(double now, double hits, double n) {
            return Wilson.interval(Double.isNaN(now) ? hits : now * n, n, Wilson.Z95);
        }
    }
}
