package io.arbiter.core.metrics;

import io.arbiter.core.verdict.Evaluation;
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
        Tally baseVsJudge = new Tally();
        Tally baseVsTruth = new Tally();
        Tally judgeVsTruth = new Tally();
        int unparsedBase = 0;
        int unparsedJudge = 0;
        int errors = 0;
        for (ScoredRow row : rows) {
            if (row.base() != null && !row.base().parsed()) {
                unparsedBase++;
            }
            if (row.judge() != null) {
                if (row.judge().parsed()) {
                    baseVsJudge.add(row.judge().evaluation() == Evaluation.CORRECT);
                } else {
                    unparsedJudge++;
                }
            }
            baseVsTruth.add(TruthMatch.ofBase(row.truth(), row.base()));
            judgeVsTruth.add(TruthMatch.ofJudge(row.truth(), row.judge()));
            if (row.failed()) {
                errors++;
            }
        }
        return new AccuracyCounts(
                rows.size(),
                baseVsJudge.proportion(),
                baseVsTruth.proportion(),
                judgeVsTruth.proportion(),
                unparsedBase,
                unparsedJudge,
                errors);
    }

    /** Hits and trials while counting. */
    private static final class Tally {
        private long hits;
        private long n;

        void add(boolean hit) {
            n++;
            if (hit) {
                hits++;
            }
        }

        void add(TruthMatch match) {
            if (match.scored()) {
                add(match == TruthMatch.RIGHT);
            }
        }

        Proportion proportion() {
            return new Proportion(hits, n);
        }
    }
}
