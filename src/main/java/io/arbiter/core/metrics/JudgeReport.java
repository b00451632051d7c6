package io.arbiter.core.metrics;

import io.arbiter.core.verdict.ScoreScale;
import java.util.List;
import java.util.Optional;

/**
 * Everything the statistics say about a run: the three accuracies with Wilson intervals, the judge as a classifier
 * of base correctness, the label confusion of base and judge, and base accuracy corrected for the judge's errors on
 * rows without truth. The one computation behind the workbench, the metrics JSON and {@code arbiter metrics}.
 *
 * @param loop              the counts of {@link AccuracyCounts}, unchanged
 * @param baseVsJudge       share of parsed judge verdicts that say Correct
 * @param baseVsTruth       share of parsed base answers that are right by the ground truth
 * @param judgeVsTruth      share of the judge's parsed predictions that are right by the ground truth
 * @param judge             the judge's Correct/Incorrect against the truth about the base answer (ground truth, or a
 *                          human where there is none), on rows with a parsed base answer and a parsed verdict
 * @param baseLabels        base answers against the truth, label by label
 * @param judgeLabels       the judge's predictions against the truth, label by label
 * @param corrected         base accuracy on rows without truth, corrected by the judge's sensitivity and specificity
 * @param ppi               base accuracy over every row the judge read, by prediction-powered inference
 * @param labelledByHuman   rows in the judge's table whose truth came from a human
 * @param truthHumanConflicts rows where the ground truth and a human disagree about the base answer (truth wins)
 * @param scores            a scoring judge's scores against people's, null when the judge gives verdicts
 * @param scale             the scale scores are on, null without scores
 * @param passAt            the lowest passing score; 0 without scores
 * @param pairs             a pairwise judge's figures, null when the judge does not compare pairs
 * @param bounds            base accuracy and judge vs truth with the rows whose answer names no label all right or
 *                          all wrong
 */
public record JudgeReport(
        AccuracyCounts loop,
        Estimate baseVsJudge,
        Estimate baseVsTruth,
        Estimate judgeVsTruth,
        JudgeAgreement judge,
        LabelConfusion baseLabels,
        LabelConfusion judgeLabels,
        CorrectedAccuracy corrected,
        PredictionPowered ppi,
        long labelledByHuman,
        long truthHumanConflicts,
        ScoreFigures scores,
        ScoreScale scale,
        int passAt,
        PairFigures pairs,
        AccuracyBounds bounds) {

    /** The same report with a scoring judge's figures. */
    public JudgeReport withScores(ScoreFigures figures, ScoreScale on, int passMark) {
        return with(figures, on, passMark, pairs);
    }

    /** The same report with a pairwise judge's figures. */
    public JudgeReport withPairs(PairFigures figures) {
        return with(scores, scale, passAt, figures);
    }

    private JudgeReport with(ScoreFigures scoreFigures, ScoreScale on, int passMark, PairFigures pairFigures) {
        return new JudgeReport(
                loop,
                baseVsJudge,
                baseVsTruth,
                judgeVsTruth,
                judge,
                baseLabels,
                judgeLabels,
                corrected,
                ppi,
                labelledByHuman,
                truthHumanConflicts,
                scoreFigures,
                on,
                passMark,
                pairFigures,
                bounds);
    }

    /** The report of rows without human verdicts, with the standard bootstrap. */
    public static JudgeReport of(List<ScoredRow> rows) {
        return ofRated(rows.stream().map(RatedRow::of).toList(), Bootstrap.standard());
    }

    /** The report of rows that may carry a human verdict, with the standard bootstrap. */
    public static JudgeReport ofRated(List<RatedRow> rows) {
        return ofRated(rows, Bootstrap.standard());
    }

    public static JudgeReport ofRated(List<RatedRow> rows, Bootstrap bootstrap) {
        List<ScoredRow> scored = rows.stream().map(RatedRow::scored).toList();
        AccuracyCounts loop = AccuracyCounts.of(scored);
        AgreementTable table = AgreementTable.EMPTY;
        long unlabelled = 0;
        long unlabelledCorrect = 0;

        long byHuman = 0;
        long conflicts = 0;
        for (RatedRow row : rows) {
            if (row.truthAndHumanDisagree()) {
                conflicts++;
            }
            ScoredRow r = row.scored();
            if (!AgreementCell.judged(r)) {
                continue;
            }
            // The same decision that lets a screen list the rows of a cell; see AgreementCell.of(RatedRow).
            Optional<AgreementCell> cell = AgreementCell.of(row);
            if (cell.isPresent()) {
                table = table.plus(cell.get().judgeSaysCorrect(), cell.get().baseIsRight());
                if (!row.groundTruth().scored()) {
                    byHuman++;
                }
            } else {
                unlabelled++;
                if (AgreementCell.saysCorrect(r)) {
                    unlabelledCorrect++;
                }
            }
        }
        return new JudgeReport(
                loop,
                Wilson.of(loop.baseVsJudge()),
                Wilson.of(loop.baseVsTruth()),
                Wilson.of(loop.judgeVsTruth()),
                JudgeAgreement.of(table, bootstrap),
                LabelConfusion.ofBase(scored),
                LabelConfusion.ofJudge(scored),
                CorrectedAccuracy.of(table, unlabelledCorrect, unlabelled, bootstrap),
                // Over the rows Rogan-Gladen reads: a row whose answer names no label is in neither set, as in
                // base-vs-truth; put in U it made PPI collapse to 0 on a run whose unparsed answers all fail.
                PredictionPowered.of(table, unlabelledCorrect, unlabelled),
                byHuman,
                conflicts,
                null,
                null,
                0,
                null,
                AccuracyBounds.of(scored));
    }

    /**
     * What the three accuracies mean together, in one line of plain words, with their best/worst bounds when some
     * answers name no label.
     */
    public String reading() {
        return bounds == null ? Reading.of(this) : (Reading.of(this) + " " + bounds.sentence()).strip();
    }
}
