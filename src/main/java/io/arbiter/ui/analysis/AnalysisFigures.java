package io.arbiter.ui.analysis;

import io.arbiter.core.metrics.AgreementCell;
import io.arbiter.core.metrics.AgreementTable;
import io.arbiter.core.metrics.CorrectedAccuracy;
import io.arbiter.core.metrics.Estimate;
import io.arbiter.core.metrics.JudgeAgreement;
import io.arbiter.core.metrics.JudgeReport;
import io.arbiter.core.metrics.LabelConfusion;
import io.arbiter.core.metrics.PredictionPowered;
import io.arbiter.core.metrics.Proportion;
import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.PairwiseScheme;
import io.arbiter.ui.results.ResultsTableRow;
import io.arbiter.ui.results.RowFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What the Judge analysis screen shows, as plain values made from one {@link JudgeReport}: every string is the
 * report's own formatting, and every clickable figure carries the {@link RowFilter} of the rows behind it.
 *
 * @param report       the report the figures come from
 * @param accuracies   base vs judge, base vs truth, judge vs truth
 * @param reading      what the three mean together, in one line
 * @param judgeCells   the judge's 2×2 table, row by row: truth right (judge Correct, Incorrect), truth wrong (…)
 * @param judgeN       rows in the 2×2 table
 * @param statistics   agreement, kappa, AC1, MCC, sensitivity, specificity, precision, balanced accuracy
 * @param baseLabels   base answers against the truth, label by label
 * @param judgeLabels  the judge's own predictions against the truth, label by label
 * @param corrected    the corrected base accuracy, or why there is none
 * @param correctedDetail how many rows it rests on
 * @param assumption   what the corrected accuracy takes for granted; empty when there is none
 * @param scores       a scoring judge's figures against human scores; null when the judge gives verdicts
 * @param pairs        a pairwise judge's figures; null unless the judge compares pairs
 */
public record AnalysisFigures(
        JudgeReport report,
        List<Bar> accuracies,
        String reading,
        List<HeatCell> judgeCells,
        long judgeN,
        List<Statistic> statistics,
        LabelMatrix baseLabels,
        LabelMatrix judgeLabels,
        String corrected,
        String correctedDetail,
        String assumption,
        ScoreSection scores,
        PairSection pairs) {

    /** Shown for the corrected accuracy when no row lacks ground truth. */
    public static final String ALL_LABELLED = "n/a — every row has ground truth";

    /** A proportion with its interval, drawn as a horizontal bar. */
    public record Bar(String id, String title, Estimate estimate, String text, String counts, RowFilter rows) {}

    /** One cell of a heat map: its count, its share of its row and column, and the rows behind it. */
    public record HeatCell(
            String id,
            int row,
            int column,
            long count,
            String rowPercent,
            String columnPercent,
            double rowShare,
            boolean diagonal,
            RowFilter rows) {}

    /** One line of the agreement table. */
    public record Statistic(String id, String name, String value, String n, String meaning) {}

    /** A K×K confusion of answers against the truth, with per-label accuracy and macro scores. */
    public record LabelMatrix(
            String who,
            List<String> rows,
            List<String> columns,
            List<List<HeatCell>> cells,
            List<Bar> perLabel,
            String macro,
            String unparsed) {

        public boolean isEmpty() {
            return rows.isEmpty();
        }
    }

    public static AnalysisFigures of(JudgeReport report) {
        return of(report, row -> RatedRow.of(row.result().scored()));
    }

    /** The figures of a report whose rows were rated by {@code rated}, so each cell lists the rows it counts. */
    public static AnalysisFigures of(JudgeReport report, Function<ResultsTableRow, RatedRow> rated) {
        return of(report, rated, PairwiseScheme.DEFAULT);
    }

    /** As {@link #of(JudgeReport, Function)}, for a run graded by {@code scheme} (a pair's title says its orders). */
    public static AnalysisFigures of(
            JudgeReport report, Function<ResultsTableRow, RatedRow> rated, JudgeScheme scheme) {
        JudgeAgreement judge = report.judge();
        AgreementTable table = judge.table();
        List<Bar> accuracies = List.of(
                bar(
                        "baseVsJudgeBar",
                        "Base vs judge",
                        report.baseVsJudge(),
                        report.loop().baseVsJudge(),
                        "say Correct",
                        RowFilter.judgeParsed()),
                bar(
                        "baseVsTruthBar",
                        "Base vs truth",
                        report.baseVsTruth(),
                        report.loop().baseVsTruth(),
                        "right",
                        RowFilter.baseScored()),
                bar(
                        "judgeVsTruthBar",
                        "Judge vs truth",
                        report.judgeVsTruth(),
                        report.loop().judgeVsTruth(),
                        "right",
                        RowFilter.judgeScored()));
        List<HeatCell> cells = List.of(
                judgeCell("trueAcceptCell", 0, 0, AgreementCell.TRUE_ACCEPT, table, rated),
                judgeCell("falseRejectCell", 0, 1, AgreementCell.FALSE_REJECT, table, rated),
                judgeCell("falseAcceptCell", 1, 0, AgreementCell.FALSE_ACCEPT, table, rated),
                judgeCell("trueRejectCell", 1, 1, AgreementCell.TRUE_REJECT, table, rated));
        List<Statistic> statistics = List.of(
                statistic("agreement", "Agreement", judge.agreement(), "share of rows where the judge is right"),
                statistic("kappa", "Cohen's kappa", judge.kappa(), "agreement beyond chance (0: chance, 1: perfect)"),
                statistic("ac1", "Gwet's AC1", judge.ac1(), "like kappa, but steady when one answer dominates"),
                statistic("mcc", "MCC", judge.mcc(), "correlation of verdict and truth (−1 to 1)"),
                statistic("sensitivity", "Sensitivity", judge.sensitivity(), "right answers the judge accepts"),
                statistic("specificity", "Specificity", judge.specificity(), "wrong answers the judge rejects"),
                statistic("precision", "Precision", judge.precision(), "the judge's Corrects that are right"),
                statistic(
                        "balancedAccuracy",
                        "Balanced accuracy",
                        judge.balancedAccuracy(),
                        "mean of sensitivity and specificity"));
        CorrectedAccuracy corrected = report.corrected();
        String correctedText;
        String detail;
        if (corrected.unlabelled() == 0) {
            correctedText = ALL_LABELLED;
            detail = "";
        } else {
            correctedText = corrected.estimate().format();
            detail = String.format(
                            Locale.ROOT,
                            "The judge says Correct on %,d of %,d rows without truth%s.",
                            corrected.judgeCorrect(),
                            corrected.unlabelled(),
                            corrected.estimate().isDefined()
                                    ? ""
                                    : "; no correction: on the labelled rows the judge is no better than chance")
                    + ppiLine(report.ppi());
        }
        return new AnalysisFigures(
                report,
                accuracies,
                report.reading(),
                cells,
                table.n(),
                statistics,
                labels("base", "Base answer", report.baseLabels()),
                labels("judge", "Judge prediction", report.judgeLabels()),
                correctedText,
                detail,
                corrected.unlabelled() == 0 ? "" : corrected.assumption(),
                ScoreSection.of(report, rated),
                PairSection.of(report, scheme instanceof PairwiseScheme pair ? pair : PairwiseScheme.DEFAULT, rated));
    }

    /**
     * Prediction-powered inference beside Rogan–Gladen, and which to believe: it uses the labelled rows' truth
     * directly and keeps its coverage whatever the judge's quality (docs/STATISTICS.md).
     */
    static String ppiLine(PredictionPowered ppi) {
        if (!ppi.classic().isDefined()) {
            return " Prediction-powered accuracy needs at least two rows with and two without a label.";
        }
        String tuned = ppi.tunedIsNarrower() ? "; PPI++ " + ppi.tuned().format() + ", narrower" : "";
        return String.format(
                Locale.ROOT,
                " Over all %,d rows the judge read, prediction-powered (PPI): %s%s. Prefer PPI: it uses the truth"
                        + " of the %,d labelled rows directly and holds whatever the judge's quality; read the corrected"
                        + " figure as a cross-check.",
                ppi.labelled() + ppi.unlabelled(),
                ppi.classic().format(),
                tuned,
                ppi.labelled());
    }

    private static Bar bar(String id, String title, Estimate estimate, Proportion counts, String what, RowFilter rows) {
        String text = counts.n() == 0
                ? "no rows"
                : String.format(Locale.ROOT, "n = %,d · %,d %s", estimate.n(), counts.hits(), what);
        return new Bar(id, title, estimate, estimate.format(), text, rows);
    }

    private static HeatCell judgeCell(
            String id,
            int row,
            int column,
            AgreementCell cell,
            AgreementTable t,
            Function<ResultsTableRow, RatedRow> rated) {
        long count = cell.count(t);
        long rowTotal = cell.baseIsRight() ? t.right() : t.wrong();
        long columnTotal = cell.judgeSaysCorrect() ? t.judgedCorrect() : t.judgedIncorrect();
        return new HeatCell(
                id,
                row,
                column,
                count,
                percent(count, rowTotal),
                percent(count, columnTotal),
                share(count, rowTotal),
                row == column,
                RowFilter.agreementCell(cell, rated));
    }

    private static Statistic statistic(String id, String name, Estimate estimate, String meaning) {
        // The tooltip says what the interval rests on when resamples were undefined: the interval is over the rest.
        String meant = meaning + estimate.resampling().leftOutSentence();
        return new Statistic(id, name, estimate.format(), String.format(Locale.ROOT, "%,d", estimate.n()), meant);
    }

    private static LabelMatrix labels(String id, String who, LabelConfusion confusion) {
        long[][] counts = confusion.counts();
        long[] columnTotals = new long[confusion.columns().size()];
        for (long[] line : counts) {
            for (int c = 0; c < line.length; c++) {
                columnTotals[c] += line[c];
            }
        }
        List<List<HeatCell>> cells = new ArrayList<>();
        List<Bar> perLabel = new ArrayList<>();
        Map<String, Estimate> accuracy = confusion.perLabelAccuracy();
        for (int r = 0; r < confusion.labels().size(); r++) {
            long rowTotal = 0;
            for (long c : counts[r]) {
                rowTotal += c;
            }
            List<HeatCell> line = new ArrayList<>();
            for (int c = 0; c < confusion.columns().size(); c++) {
                long count = counts[r][c];
                line.add(new HeatCell(
                        id + "LabelCell-" + r + "-" + c,
                        r,
                        c,
                        count,
                        percent(count, rowTotal),
                        percent(count, columnTotals[c]),
                        share(count, rowTotal),
                        r == c,
                        RowFilter.labelCell(confusion, r, c, who.toLowerCase(Locale.ROOT))));
            }
            cells.add(List.copyOf(line));
            String label = confusion.labels().get(r);
            Estimate estimate = accuracy.get(label);
            perLabel.add(new Bar(
                    id + "LabelBar-" + r,
                    label,
                    estimate,
                    estimate.format(),
                    String.format(Locale.ROOT, "%,d of %,d", counts[r][r], rowTotal),
                    RowFilter.truthLabel(confusion, r, who.toLowerCase(Locale.ROOT) + "s")));
        }
        String macro = "Macro precision " + confusion.macroPrecision().format() + " · recall "
                + confusion.macroRecall().format() + " · F1 "
                + confusion.macroF1().format();
        String unparsed = confusion.unparsed() == 0
                ? ""
                : String.format(Locale.ROOT, "%,d unparsed answers are left out.", confusion.unparsed());
        return new LabelMatrix(
                who,
                confusion.labels(),
                confusion.columns(),
                List.copyOf(cells),
                List.copyOf(perLabel),
                macro,
                unparsed);
    }

    private static String percent(long count, long total) {
        return total == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * count / total);
    }

    private static double share(long count, long total) {
        return total == 0 ? 0 : (double) count / total;
    }
}
