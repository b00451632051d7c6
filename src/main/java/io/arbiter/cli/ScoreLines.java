package io.arbiter.cli;

import io.arbiter.core.metrics.Estimate;
import io.arbiter.core.metrics.JudgeReport;
import io.arbiter.core.metrics.ScoreFigures;
import java.io.PrintWriter;

/** A scoring judge's figures as aligned text lines, for {@code run} and {@code metrics}; nothing for verdicts. */
final class ScoreLines {

    private ScoreLines() {}

    static void print(JudgeReport report, PrintWriter stdout) {
        ScoreFigures s = report.scores();
        if (s == null) {
            return;
        }
        stdout.printf(
                "scale           %s, pass at %d; %d rows with both scores%n", report.scale(), report.passAt(), s.n());
        line(stdout, "mean judge", s.meanJudge());
        line(stdout, "mean human", s.meanHuman());
        line(stdout, "judge - human", s.meanDifference());
        line(stdout, "exact", s.exactAgreement());
        line(stdout, "within one", s.withinOne());
        line(stdout, "kappa linear", s.weightedKappaLinear());
        line(stdout, "kappa quadratic", s.weightedKappaQuadratic());
        line(stdout, "spearman", s.spearman());
        line(stdout, "kendall tau-b", s.kendallTauB());
        line(stdout, "mae", s.mae());
    }

    private static void line(PrintWriter stdout, String name, Estimate estimate) {
        stdout.printf(
                "%-16s%s%s%n", name, estimate.format(), estimate.resampling().undefinedNote());
    }
}
