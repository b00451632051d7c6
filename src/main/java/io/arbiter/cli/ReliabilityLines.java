package io.arbiter.cli;

import io.arbiter.core.export.ReliabilityJson;
import io.arbiter.core.metrics.Estimate;
import io.arbiter.core.metrics.JurorFigures;
import io.arbiter.core.metrics.JuryFigures;
import io.arbiter.core.metrics.JuryMajority;
import io.arbiter.core.metrics.RepeatFigures;
import io.arbiter.core.run.JudgeReliability;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * How far the judge can be trusted, as aligned text lines under the run's figures: the flip rate of repeats, each
 * juror and the jury against the truth, the cheapest jury that is good enough, and the bias probes' readings.
 */
final class ReliabilityLines {

    private ReliabilityLines() {}

    static void print(JudgeReliability reliability, PrintWriter stdout) {
        if (reliability == null) {
            return;
        }
        RepeatFigures repeats = reliability.repeats();
        if (repeats != null) {
            line(stdout, reliability.labelOrder() ? "flip (labels)" : "flip rate", repeats.flipRate());
            line(stdout, "repeat kappa", repeats.fleiss().kappa());
            if (repeats.noMajorityRows() > 0) {
                stdout.printf("%-16s%d rows%n", "no majority", repeats.noMajorityRows());
            }
        }
        JuryFigures jury = reliability.jury();
        if (jury != null) {
            for (JurorFigures juror : jury.jurors()) {
                stdout.printf(
                        "%-16s%s  kappa %s%s%n",
                        "juror",
                        juror.name(),
                        juror.kappa().format(),
                        juror.cost() == null ? "" : String.format(Locale.ROOT, "  $%.4f", juror.cost()));
            }
            JuryMajority majority = jury.jury();
            line(stdout, "jury kappa", majority.kappa());
            if (majority.noMajority() > 0) {
                stdout.printf("%-16s%d rows%n", "no majority", majority.noMajority());
            }
            line(stdout, "jurors fleiss", jury.fleiss().kappa());
            line(
                    stdout,
                    "jurors alpha",
                    reliability.scoreAlpha() != null
                            ? reliability.scoreAlpha().alpha()
                            : jury.alpha().alpha());
            stdout.printf(
                    "%-16s%s%n",
                    "cheapest jury",
                    jury.cheapestSubset(ReliabilityJson.CHEAPEST_JURY_KAPPA)
                            .map(s -> String.join(", ", s.jurors()) + " (kappa "
                                    + s.kappa().format() + ")")
                            .orElse("none reaches kappa " + ReliabilityJson.CHEAPEST_JURY_KAPPA));
        }
        if (reliability.length() != null) {
            stdout.printf("%-16s%s%n", "length bias", reliability.length().reading());
        }
        if (reliability.selfPreference() != null && reliability.selfPreference().flagged()) {
            stdout.printf(
                    "%-16s%s%n", "self-preference", reliability.selfPreference().reading());
        }
    }

    private static void line(PrintWriter stdout, String name, Estimate estimate) {
        stdout.printf("%-16s%s%n", name, estimate.format());
    }
}
