package io.arbiter.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.Evaluation;
import io.arbiter.core.verdict.JudgeVerdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccuracyCountsTest {

    /*
     * row  truth             base        judge                 failed
     *  1   Drama             Drama       Drama,Correct
     *  2   Crime, Drama      Crime       Drama,Correct
     *  3   Comedy            Drama       Comedy,Incorrect
     *  4   Western, Action   Action      Western,Incorrect     (judge wrongly rejects a right answer)
     *  5   Sci-Fi            UNPARSED    Drama,Incorrect
     *  6   Thriller          Drama       UNPARSED
     *  7   (none)            Drama       Drama,Correct
     *  8   War               -           -                     yes (base failed)
     *  9   Mystery           Mystery     -                     yes (judge failed)
     * 10   Crime             -           -                     (not run yet)
     * 11   film-noir         Film-Noir   Crime,Correct         (truth spelled in lower case)
     *
     * base vs judge:  Correct in rows 1,2,7,11 of parsed verdicts 1,2,3,4,5,7,11   -> 4/7
     * base vs truth:  rows 1,2,4,9,11 right of 1,2,3,4,6,9,11                      -> 5/7
     *                 (5 unparsed, 7 no truth, 8 and 10 no answer)
     * judge vs truth: rows 1,2,3,4 right of 1,2,3,4,5,11                           -> 4/6
     *                 (6 unparsed, 7 no truth, 8, 9, 10 no verdict)
     * unparsed base: row 5 -> 1; unparsed judge: row 6 -> 1; errors: rows 8, 9 -> 2
     */
    private static final List<ScoredRow> TABLE = List.of(
            row(List.of("Drama"), base("Drama"), judge("Drama", Evaluation.CORRECT), false),
            row(List.of("Crime", "Drama"), base("Crime"), judge("Drama", Evaluation.CORRECT), false),
            row(List.of("Comedy"), base("Drama"), judge("Comedy", Evaluation.INCORRECT), false),
            row(List.of("Western", "Action"), base("Action"), judge("Western", Evaluation.INCORRECT), false),
            row(List.of("Sci-Fi"), new BaseAnswer("Crime drama", null), judge("Drama", Evaluation.INCORRECT), false),
            row(List.of("Thriller"), base("Drama"), JudgeVerdict.unparsed("Thriller, maybe"), false),
            row(List.of(), base("Drama"), judge("Drama", Evaluation.CORRECT), false),
            row(List.of("War"), null, null, true),
            row(List.of("Mystery"), base("Mystery"), null, true),
            row(List.of("Crime"), null, null, false),
            row(List.of("film-noir"), base("Film-Noir"), judge("Crime", Evaluation.CORRECT), false));

    @Test
    void handMadeTableGivesTheCountsWorkedOutAbove() {
        AccuracyCounts metrics = AccuracyCounts.of(TABLE);

        assertEquals(
                new AccuracyCounts(11, new Proportion(4, 7), new Proportion(5, 7), new Proportion(4, 6), 1, 1, 2),
                metrics);
        assertEquals("57.1% (4/7)", metrics.baseVsJudge().describe());
        assertEquals("71.4%", metrics.baseVsTruth().percent());
        assertEquals("66.7%", metrics.judgeVsTruth().percent());
    }

    @Test
    void aTallyTakingRowsOutAgainEndsWithTheCountsOfTheRowsLeft() {
        AccuracyTally tally = new AccuracyTally();
        TABLE.forEach(tally::add);
        for (int i = 0; i < TABLE.size(); i += 2) {
            tally.remove(TABLE.get(i));
        }

        List<ScoredRow> left = new java.util.ArrayList<>();
        for (int i = 1; i < TABLE.size(); i += 2) {
            left.add(TABLE.get(i));
        }
        // Rows 2, 4, 6, 8, 10 of the table above: base vs judge 1/2 (rows 2, 4), base vs truth 2/3 (2, 4, 6),
        // judge vs truth 2/2 (2, 4), unparsed judge 1 (row 6), no unparsed base, one error (row 8).
        assertEquals(
                new AccuracyCounts(5, new Proportion(1, 2), new Proportion(2, 3), new Proportion(2, 2), 0, 1, 1),
                tally.counts());
        assertEquals(AccuracyCounts.of(left), tally.counts());
    }

    @Test
    void emptyRunHasNoRates() {
        AccuracyCounts metrics = AccuracyCounts.of(List.of());

        assertEquals(
                new AccuracyCounts(0, new Proportion(0, 0), new Proportion(0, 0), new Proportion(0, 0), 0, 0, 0),
                metrics);
        for (Proportion p : List.of(metrics.baseVsJudge(), metrics.baseVsTruth(), metrics.judgeVsTruth())) {
            assertEquals(0, p.n());
            assertEquals("n/a", p.percent());
            assertEquals("n/a (0/0)", p.describe());
        }
    }

    @Test
    void rowsNotAnsweredYetAreInNoDenominator() {
        AccuracyCounts metrics = AccuracyCounts.of(
                List.of(row(List.of("Drama"), null, null, false), row(List.of("Drama"), null, null, false)));

        assertEquals(
                new AccuracyCounts(2, new Proportion(0, 0), new Proportion(0, 0), new Proportion(0, 0), 0, 0, 0),
                metrics);
    }

    @Test
    void unparsedAnswersAreCountedApartNotAsWrong() {
        AccuracyCounts metrics = AccuracyCounts.of(List.of(
                row(List.of("Drama"), new BaseAnswer("Crime drama", null), JudgeVerdict.unparsed("hmm"), false)));

        assertEquals(
                new AccuracyCounts(1, new Proportion(0, 0), new Proportion(0, 0), new Proportion(0, 0), 1, 1, 0),
                metrics);
    }

    @Test
    void truthMatchIgnoresCaseAndNeedsTruthAndALabel() {
        assertEquals(TruthMatch.RIGHT, TruthMatch.ofLabel(List.of("Crime", "drama"), "Drama"));
        assertEquals(TruthMatch.WRONG, TruthMatch.ofLabel(List.of("Crime", "Drama"), "Comedy"));
        assertEquals(TruthMatch.NOT_SCORED, TruthMatch.ofLabel(List.of(), "Drama"));
        assertEquals(TruthMatch.NOT_SCORED, TruthMatch.ofLabel(List.of("Drama"), null));
        assertEquals(TruthMatch.NOT_SCORED, TruthMatch.ofBase(List.of("Drama"), null));
        assertEquals(TruthMatch.NOT_SCORED, TruthMatch.ofJudge(List.of("Drama"), JudgeVerdict.unparsed("Drama")));
        assertEquals(TruthMatch.RIGHT, TruthMatch.ofJudge(List.of("Drama"), judge("Drama", Evaluation.INCORRECT)));
    }

    private static ScoredRow row(List<String> truth, BaseAnswer base, JudgeVerdict judge, boolean failed) {
        return new ScoredRow(truth, base, judge, failed);
    }

    private static BaseAnswer base(String label) {
        return new BaseAnswer(label, label);
    }

    private static JudgeVerdict judge(String prediction, Evaluation evaluation) {
        return new JudgeVerdict(prediction + "," + evaluation, prediction, evaluation);
    }
}
