package io.arbiter.core.metrics;

import java.util.Locale;

/** One line in plain words on what the accuracies of a report mean together. */
public final class Reading {

    /** Judge agreement within this of base accuracy reads as "close". */
    private static final double CLOSE = 0.05;

    private Reading() {}

    public static String of(JudgeReport report) {
        Estimate agreement = report.baseVsJudge();
        Estimate accuracy = report.baseVsTruth();
        if (!agreement.isDefined()) {
            return "No parsed judge verdicts yet, so there is nothing to compare.";
        }
        if (!accuracy.isDefined()) {
            Estimate corrected = report.corrected().estimate();
            return corrected.isDefined()
                    ? "Without ground truth the judge accepts " + percent(agreement) + " of base answers; corrected "
                            + "for its errors on the labelled rows, base accuracy there is about " + percent(corrected)
                            + "."
                    : "Without ground truth only the judge's view is known: it accepts " + percent(agreement)
                            + " of base answers, which is not the same as base accuracy.";
        }
        double gap = agreement.value() - accuracy.value();
        String compared = "Judge agreement (" + percent(agreement) + ")";
        String base = "base accuracy (" + percent(accuracy) + ")";
        String judgeOwn = judgeOwnAccuracy(report);
        if (Math.abs(gap) < CLOSE) {
            Estimate kappa = report.judge().kappa();
            String rowByRow = kappa.isDefined() && kappa.value() < 0.4
                    ? ", but row by row the judge agrees with the truth little beyond chance (kappa "
                            + String.format(Locale.ROOT, "%.2f", kappa.value()) + ")"
                    : "";
            return compared + " is close to " + base + rowByRow + ".";
        }
        if (gap < 0) {
            return compared + " understates " + base + ": the judge rejects "
                    + complement(report.judge().sensitivity()) + " of right answers" + judgeOwn + ".";
        }
        return compared + " overstates " + base + ": the judge accepts "
                + complement(report.judge().specificity()) + " of wrong answers" + judgeOwn + ".";
    }

    /** ", and is itself right on only 55% of its own predictions" when the judge is less accurate than the base. */
    private static String judgeOwnAccuracy(JudgeReport report) {
        Estimate judge = report.judgeVsTruth();
        Estimate base = report.baseVsTruth();
        return judge.isDefined() && judge.value() < base.value()
                ? ", and is itself right on only " + percent(judge) + " of its own predictions"
                : "";
    }

    private static String complement(Estimate share) {
        return share.isDefined() ? String.format(Locale.ROOT, "%.0f%%", 100 * (1 - share.value())) : "some";
    }

    private static String percent(Estimate share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share.value());
    }
}
