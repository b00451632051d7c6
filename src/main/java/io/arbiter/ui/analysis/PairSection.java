package io.arbiter.ui.analysis;

import io.arbiter.core.metrics.JudgeReport;
import io.arbiter.core.metrics.PairFigures;
import io.arbiter.core.metrics.PreferenceConfusion;
import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.scheme.PairwiseScheme;
import io.arbiter.core.verdict.PairOutcome;
import io.arbiter.core.verdict.Preference;
import io.arbiter.ui.results.ResultsTableRow;
import io.arbiter.ui.results.RowFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A pairwise judge's figures as the Judge analysis screen shows them, from {@link PairFigures} unchanged
 * (docs/PAIRWISE.md): the win rate of A with its interval and the outcome counts, the judge's position consistency
 * and first-position rate, its agreement and κ with people's preferences and the judge × human table as heat cells.
 * Every figure opens the rows it counts.
 *
 * @param title       "Pairwise: A against B, both orders · 40 rows"
 * @param swapped     true when the judge was asked in both orders, so the position figures exist
 * @param winRate     the win rate of A, drawn on 0…1
 * @param outcomes    A wins, B wins, ties, inconsistent, unparsed: each a count with the rows behind it
 * @param position    position consistency and first-position rate, drawn on 0…1
 * @param human       agreement (0…1) and κ (−1…1) with people's preferences
 * @param humanN      rows with an outcome and a human preference
 * @param confusion   rows: the judge's class (A, B, tie; inconsistent counts as a tie), columns: people's
 */
public record PairSection(
        String title,
        boolean swapped,
        ScoreSection.Figure winRate,
        List<Count> outcomes,
        List<ScoreSection.Figure> position,
        List<ScoreSection.Figure> human,
        long humanN,
        List<List<AnalysisFigures.HeatCell>> confusion) {

    /** One outcome's count, its name as the table spells it, and its rows. */
    public record Count(String id, String name, long count, RowFilter rows) {}

    /** The heat map's row and column headers: A, B, tie. */
    public static final List<String> CLASSES =
            PreferenceConfusion.CLASSES.stream().map(PreferenceConfusion::name).toList();

    /** The section of a pairwise report; null for any other. */
    static PairSection of(JudgeReport report, PairwiseScheme scheme, Function<ResultsTableRow, RatedRow> rated) {
        PairFigures p = report.pairs();
        if (p == null) {
            return null;
        }
        RowFilter decided = RowFilter.decidedPairs();
        RowFilter preferred = RowFilter.preferred(rated);
        ScoreSection.Figure winRate = ScoreSection.figure(
                "winRateA",
                "Win rate of A",
                p.winRateA(),
                0,
                1,
                decided,
                "above 0.5: A is preferred",
                "(A wins + ½ · (ties + inconsistent)) / rows with every order parsed. Inconsistent rows count as "
                        + "ties (MT-Bench's convention). 95% percentile bootstrap (2,000 seeded resamples).");
        List<Count> outcomes = List.of(
                count("aWins", "A", p.aWins(), PairOutcome.A),
                count("bWins", "B", p.bWins(), PairOutcome.B),
                count("ties", "tie", p.ties(), PairOutcome.TIE),
                count("inconsistent", "inconsistent", p.inconsistent(), PairOutcome.INCONSISTENT),
                count("unparsed", "unparsed", p.unparsed(), PairOutcome.UNPARSED));
        List<ScoreSection.Figure> position = List.of(
                ScoreSection.figure(
                        "positionConsistency",
                        "Position consistency",
                        p.positionConsistency(),
                        0,
                        1,
                        decided,
                        "share of rows whose two orders agree",
                        "Of the rows asked in both orders and parsed in both, the share whose verdicts agree once the "
                                + "swapped one is mapped back to A and B. 1 is a judge the order never moves; Wilson "
                                + "interval."),
                ScoreSection.figure(
                        "firstPositionRate",
                        "First-position rate",
                        p.firstPositionRate(),
                        0,
                        1,
                        decided,
                        "0.5 is unbiased; above it the first answer is favoured",
                        "Of every order's verdict that is not a tie, the share that picks the answer shown first, "
                                + "whichever it was. An unbiased judge is at 0.5; Wilson interval."));
        List<ScoreSection.Figure> human = List.of(
                ScoreSection.figure(
                        "humanAgreement",
                        "Agreement",
                        p.humanAgreement(),
                        0,
                        1,
                        preferred,
                        "share of rows where the judge's outcome is people's",
                        "Of the rows with an outcome and a human preference, the share where they are the same "
                                + "(an inconsistent row as a tie); Wilson interval."),
                ScoreSection.figure(
                        "humanKappa",
                        "Cohen's κ",
                        p.humanKappa(),
                        -1,
                        1,
                        preferred,
                        "beyond chance over A, B, tie (0: chance, 1: perfect)",
                        "Cohen's κ of the outcome and the human preference over the three classes; percentile "
                                + "bootstrap (2,000 seeded resamples). Undefined when both always gave one class."));
        return new PairSection(
                String.format(Locale.ROOT, "%s · %,d rows", scheme.title(), p.rows()),
                scheme.bothOrders(),
                winRate,
                outcomes,
                position,
                human,
                p.humanN(),
                confusion(p.confusion(), rated));
    }

    private static Count count(String id, String name, long count, PairOutcome outcome) {
        return new Count(id, name, count, RowFilter.pairOutcome(outcome));
    }

    private static List<List<AnalysisFigures.HeatCell>> confusion(
            PreferenceConfusion confusion, Function<ResultsTableRow, RatedRow> rated) {
        List<Preference> classes = PreferenceConfusion.CLASSES;
        long[] judgeTotals = new long[classes.size()];
        long[] humanTotals = new long[classes.size()];
        for (int j = 0; j < classes.size(); j++) {
            for (int h = 0; h < classes.size(); h++) {
                long count = confusion.count(classes.get(j), classes.get(h));
                judgeTotals[j] += count;
                humanTotals[h] += count;
            }
        }
        List<List<AnalysisFigures.HeatCell>> lines = new ArrayList<>();
        for (int j = 0; j < classes.size(); j++) {
            List<AnalysisFigures.HeatCell> line = new ArrayList<>();
            for (int h = 0; h < classes.size(); h++) {
                long count = confusion.count(classes.get(j), classes.get(h));
                line.add(new AnalysisFigures.HeatCell(
                        "preferenceCell-" + CLASSES.get(j) + "-" + CLASSES.get(h),
                        j,
                        h,
                        count,
                        ScoreSection.percent(count, judgeTotals[j]),
                        ScoreSection.percent(count, humanTotals[h]),
                        judgeTotals[j] == 0 ? 0 : (double) count / judgeTotals[j],
                        j == h,
                        RowFilter.preferenceCell(classes.get(j), classes.get(h), rated)));
            }
            lines.add(List.copyOf(line));
        }
        return List.copyOf(lines);
    }
}
