package io.arbiter.ui.compare;

import io.arbiter.core.metrics.PairFigures;
import io.arbiter.core.project.Project;
import io.arbiter.core.project.RunListing;
import io.arbiter.core.scheme.JudgeScheme;
import java.util.Locale;

/**
 * Two pairwise runs' own pair figures, one line each, for Compare: the win rate of A, the outcomes, the judge's
 * position figures and its agreement with people, computed from each run's stored rows as Judge analysis computes
 * them. Read off the FX thread: the win rate and κ take a bootstrap.
 */
final class PairSides {

    private PairSides() {}

    /** The two runs' pair figures in words; empty unless a run is pairwise, a note when only one is. */
    static String of(Project project, long a, long b) {
        JudgeScheme schemeA = project.scheme(a);
        JudgeScheme schemeB = project.scheme(b);
        if (!schemeA.pairs() && !schemeB.pairs()) {
            return "";
        }
        if (!schemeA.pairs() || !schemeB.pairs()) {
            long pairwise = schemeA.pairs() ? a : b;
            return "Only " + name(project, pairwise) + " compares pairs: its pair figures are on Judge analysis.";
        }
        return "Pairwise figures of each run (inconsistent rows count as ties in the win rate):\nA · "
                + line(project, a, schemeA) + "\nB · " + line(project, b, schemeB);
    }

    private static String line(Project project, long run, JudgeScheme scheme) {
        PairFigures p = scheme.figures(project.ratings(run).rateAll(project.measured(run)))
                .pairs();
        return String.format(
                Locale.ROOT,
                "%s: win rate of A %s · A %,d · B %,d · tie %,d · inconsistent %,d · position consistency %s · "
                        + "first-position rate %s (0.5 unbiased) · vs people %s, κ %s (n = %,d)",
                name(project, run),
                p.winRateA().format(),
                p.aWins(),
                p.bWins(),
                p.ties(),
                p.inconsistent(),
                p.positionConsistency().format(),
                p.firstPositionRate().format(),
                p.humanAgreement().format(),
                p.humanKappa().format(),
                p.humanN());
    }

    private static String name(Project project, long run) {
        return project.run(run).map(RunListing::displayName).orElse("run " + run);
    }
}
