package io.arbiter.ui.analysis;

import io.arbiter.core.metrics.Estimate;
import io.arbiter.core.metrics.JudgeReport;
import io.arbiter.core.metrics.LevelBias;
import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.metrics.ScoreConfusion;
import io.arbiter.core.metrics.ScoreFigures;
import io.arbiter.core.verdict.ScoreScale;
import io.arbiter.ui.results.ResultsTableRow;
import io.arbiter.ui.results.RowFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A scoring judge's figures against human scores as the Judge analysis screen shows them, from {@link ScoreFigures}
 * unchanged: each figure with its interval, its n, the range it is drawn on and what it means (docs/SCORES.md), the
 * score-by-score confusion as heat cells, and the bias at each human level. Every figure opens the rows it counts.
 *
 * @param title      "Rubric scores 1-5 against human scores · pass at 4"
 * @param n          rows with a judge score and a human score
 * @param means      mean judge score, mean human score, their paired difference
 * @param harshness  the difference in words: "The judge is harsher than people by 0.30 points …"
 * @param agreement  exact, within one, weighted kappas, Spearman, Kendall, mean absolute error
 * @param levels     the scale's levels, the heat map's row and column headers
 * @param confusion  rows human level, columns judge level; the diagonal is exact agreement
 * @param bias       mean judge − human at each level the human used, lowest first
 */
public record ScoreSection(
        String title,
        long n,
        List<Figure> means,
        String harshness,
        List<Figure> agreement,
        List<Integer> levels,
        List<List<AnalysisFigures.HeatCell>> confusion,
        List<Figure> bias) {

    /**
     * One figure drawn as a bar on {@code from}…{@code to}, filled from 0 when the range holds 0, else from
     * {@code from}.
     *
     * @param bar     the figure, its formatted value and its n
     * @param meaning one short line of what it says
     * @param detail  the definition and how its interval is drawn, for a tooltip
     */
    public record Figure(AnalysisFigures.Bar bar, double from, double to, String meaning, String detail) {}

    /** The section of a report with scores; null for a report of verdicts. */
    static ScoreSection of(JudgeReport report, Function<ResultsTableRow, RatedRow> rated) {
        ScoreFigures s = report.scores();
        if (s == null) {
            return null;
        }
        ScoreScale scale = report.scale();
        int steps = scale.high() - scale.low();
        RowFilter paired = filter("rows with a judge score and a human score", rated, (judge, human) -> true);
        List<Figure> means = List.of(
                figure(
                        "meanJudge",
                        "Mean judge score",
                        s.meanJudge(),
                        scale.low(),
                        scale.high(),
                        paired,
                        "the judge's average score",
                        "The plain mean of the judge's scores over the rows people scored too; t interval."),
                figure(
                        "meanHuman",
                        "Mean human score",
                        s.meanHuman(),
                        scale.low(),
                        scale.high(),
                        paired,
                        "people's average score",
                        "The plain mean of the human scores over the rows the judge scored too; t interval."),
                figure(
                        "meanDifference",
                        "Judge − human",
                        s.meanDifference(),
                        -steps,
                        steps,
                        paired,
                        "below 0: harsher than people; above 0: more lenient",
                        "The mean of judge − human per row, with a paired t interval (narrower than comparing the "
                                + "two means). An interval that excludes 0 says the judge is systematically off."));
        List<Figure> agreement = List.of(
                figure(
                        "exactAgreement",
                        "Exact agreement",
                        s.exactAgreement(),
                        0,
                        1,
                        paired,
                        "share of rows with the same score",
                        "The share of rows where judge = human; Wilson interval."),
                figure(
                        "withinOne",
                        "Within one",
                        s.withinOne(),
                        0,
                        1,
                        paired,
                        "share within one point (lenient on 1-5)",
                        "The share of rows where |judge − human| ≤ 1; Wilson interval. On a short scale it is "
                                + "lenient: read it beside exact agreement."),
                figure(
                        "kappaLinear",
                        "Weighted κ, linear",
                        s.weightedKappaLinear(),
                        -1,
                        1,
                        paired,
                        "beyond chance; near misses partly count",
                        "Cohen's weighted kappa with disagreement weights |h − j| on the whole scale: 0 is chance, "
                                + "1 perfect. Bootstrap interval (2,000 seeded resamples)."),
                figure(
                        "kappaQuadratic",
                        "Weighted κ, quadratic",
                        s.weightedKappaQuadratic(),
                        -1,
                        1,
                        paired,
                        "wide misses count more; the usual headline",
                        "Cohen's weighted kappa with weights (h − j)², close to an intraclass correlation. "
                                + "Bootstrap interval. Undefined when both raters gave every row one level."),
                figure(
                        "spearman",
                        "Spearman's ρ",
                        s.spearman(),
                        -1,
                        1,
                        paired,
                        "does the judge rank answers as people do",
                        "Pearson's correlation of the two scores' mid-ranks. Bootstrap interval. Undefined when "
                                + "either rater used a single level."),
                figure(
                        "kendallTauB",
                        "Kendall's τ-b",
                        s.kendallTauB(),
                        -1,
                        1,
                        paired,
                        "row pairs ordered alike less those reversed",
                        "(C − D) / √((P − Th)(P − Tj)), ties allowed; steadier than ρ under many ties and "
                                + "usually smaller. Bootstrap interval."),
                figure(
                        "mae",
                        "Mean absolute error",
                        s.mae(),
                        0,
                        steps,
                        paired,
                        "mean |judge − human| in score points",
                        "The mean of |judge − human| over the rows; bootstrap interval (a t interval would reach "
                                + "below 0 when most rows agree)."));
        List<Figure> bias = new ArrayList<>();
        for (LevelBias level : s.biasByHumanLevel()) {
            int h = level.humanLevel();
            bias.add(figure(
                    "bias-" + h,
                    "Human " + h,
                    level.meanDifference(),
                    -steps,
                    steps,
                    filter("rows people scored " + h, rated, (judge, human) -> human == h),
                    "mean judge − human where people gave " + h,
                    "The mean of judge − human over the rows the human scored " + h + ", with its t interval."));
        }
        return new ScoreSection(
                "Rubric scores " + scale + " against human scores · pass at " + report.passAt(),
                s.n(),
                means,
                harshness(s.meanDifference()),
                agreement,
                levels(scale),
                confusion(s.confusion(), rated),
                List.copyOf(bias));
    }

    /** "The judge is harsher than people by 0.30 points on average [0.10, 0.50] …", or why there is nothing. */
    static String harshness(Estimate difference) {
        if (!difference.isDefined()) {
            return "No row has both a judge score and a human score yet.";
        }
        double d = difference.value();
        String sizeAndSide = Math.abs(d) < 0.005
                ? "The judge and people score alike on average"
                : String.format(
                        Locale.ROOT,
                        "The judge is %s than people by %.2f points on average",
                        d < 0 ? "harsher" : "more lenient",
                        Math.abs(d));
        if (!difference.hasInterval()) {
            return sizeAndSide + " (one row: no interval).";
        }
        String interval = String.format(Locale.ROOT, " [%.2f, %.2f]", difference.ciLow(), difference.ciHigh());
        boolean excludesZero = difference.ciLow() > 0 || difference.ciHigh() < 0;
        return sizeAndSide
                + interval
                + (excludesZero ? ": the interval excludes 0, a steady lean." : ": the interval includes 0.");
    }

    private static List<Integer> levels(ScoreScale scale) {
        List<Integer> levels = new ArrayList<>();
        for (int level = scale.low(); level <= scale.high(); level++) {
            levels.add(level);
        }
        return List.copyOf(levels);
    }

    private static List<List<AnalysisFigures.HeatCell>> confusion(
            ScoreConfusion confusion, Function<ResultsTableRow, RatedRow> rated) {
        long[][] counts = confusion.counts();
        long[] humanTotals = confusion.humanTotals();
        long[] judgeTotals = confusion.judgeTotals();
        int low = confusion.scale().low();
        List<List<AnalysisFigures.HeatCell>> lines = new ArrayList<>();
        for (int h = 0; h < counts.length; h++) {
            List<AnalysisFigures.HeatCell> line = new ArrayList<>();
            for (int j = 0; j < counts.length; j++) {
                int human = low + h;
                int judge = low + j;
                long count = counts[h][j];
                line.add(new AnalysisFigures.HeatCell(
                        "scoreCell-" + human + "-" + judge,
                        h,
                        j,
                        count,
                        percent(count, humanTotals[h]),
                        percent(count, judgeTotals[j]),
                        humanTotals[h] == 0 ? 0 : (double) count / humanTotals[h],
                        h == j,
                        filter(
                                "rows people scored " + human + " and the judge " + judge,
                                rated,
                                (byJudge, byHuman) -> byJudge == judge && byHuman == human)));
            }
            lines.add(List.copyOf(line));
        }
        return List.copyOf(lines);
    }

    /** Which scored rows a figure counts, given the judge's score and the human's. */
    private interface Scores {
        boolean test(int judge, int human);
    }

    /** The rows a score figure counts: a base answer, a judge score and a human score; never a worked example. */
    private static RowFilter filter(String description, Function<ResultsTableRow, RatedRow> rated, Scores which) {
        Predicate<ResultsTableRow> rows = row -> {
            if (row.promoted()) {
                return false;
            }
            RatedRow r = rated.apply(row);
            Integer judge = r.scored().score();
            return judge != null
                    && r.humanScore() != null
                    && r.scored().base() != null
                    && which.test(judge, r.humanScore());
        };
        return new RowFilter(description, rows);
    }

    static Figure figure(
            String id,
            String title,
            Estimate estimate,
            double from,
            double to,
            RowFilter rows,
            String meaning,
            String detail) {
        String counts = String.format(Locale.ROOT, "n = %,d", estimate.n());
        return new Figure(
                new AnalysisFigures.Bar(id, title, estimate, estimate.format(), counts, rows),
                from,
                to,
                meaning,
                detail);
    }

    static String percent(long count, long total) {
        return total == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * count / total);
    }
}
