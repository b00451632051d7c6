package io.arbiter.core.metrics;

import java.util.List;

/**
 * The three accuracies of the judge loop, each with its counts.
 *
 * @param rows          rows considered
 * @param baseVsJudge   share of parsed judge verdicts that say Correct
 * @param baseVsTruth   share of parsed base answers that are among the row's truth labels (rows with truth only)
 * @param judgeVsTruth  share of parsed judge predictions that are among the row's truth labels (rows with truth only)
 * @param unparsedBase  base answers that name no label
 * @param unparsedJudge judge outputs not in the Prediction,Evaluation format
 * @param errors        rows with a failed request in either stage
 */
public record AccuracyCounts(
        int rows,
        Proportion baseVsJudge,
        Proportion baseVsTruth,
        Proportion judgeVsTruth,
        int unparsedBase,
        int unparsedJudge,
        int errors) {

    /**
     * Counts the rows. A row without a base answer or a judge verdict (not run yet, or failed) is in no
     * denominator of that stage; an UNPARSED answer is counted as unparsed, never as wrong.
     */
    public static AccuracyCounts of(List<ScoredRow> rows) {
        AccuracyTally tally = new AccuracyTally();
        rows.forEach(tally::add);
        return tally.counts();
    }
}
