package io.arbiter.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.JudgeColumns;
import io.arbiter.core.dataset.TaskKind;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.metrics.TruthMatch;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.scheme.JudgeSchemes;
import io.arbiter.core.scheme.ScoreScheme;
import io.arbiter.core.verdict.JudgeScore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowRatingsTest {

    private static final Dataset SUPPORT = new Dataset(
            "support.csv",
            List.of("question", "answer", "human_score", "human_verdict"),
            List.of(
                    new String[] {"Refund?", "Within 5 days.", "4", "Correct"},
                    new String[] {"Pause?", "Call us.", "2", "Incorrect"},
                    new String[] {"Skip?", "Yes.", "", ""},
                    new String[] {"Cancel?", "Online.", "4.5", "maybe"},
                    new String[] {"Allergy?", "Tell us.", "9", ""}));

    private static final ColumnMapping MAPPING = new ColumnMapping(
            List.of("question"),
            null,
            "",
            "answer",
            Map.of(),
            TaskKind.GENERATE,
            new JudgeColumns(null, "human_score", "human_verdict"));

    @Test
    void aRowTakesThePeoplesScoreFromTheDatasetAsPassOrFail() {
        RowRatings ratings = new RowRatings(ScoreScheme.DEFAULT, SUPPORT, MAPPING);
        RatedRow first = ratings.rate(judged(0, 5));
        RatedRow second = ratings.rate(judged(1, 4));
        assertEquals(4, first.humanScore());
        assertEquals(TruthMatch.RIGHT, first.human());
        assertEquals(TruthMatch.WRONG, second.human());
        assertNull(ratings.rate(judged(2, 3)).humanScore());
        assertEquals(TruthMatch.NOT_SCORED, ratings.rate(judged(2, 3)).human());
    }

    @Test
    void aVerdictRunTakesThePeoplesVerdictColumn() {
        RowRatings ratings = new RowRatings(JudgeSchemes.DEFAULT, SUPPORT, MAPPING);
        assertEquals(TruthMatch.RIGHT, ratings.rate(judged(0, 5)).human());
        assertEquals(TruthMatch.WRONG, ratings.rate(judged(1, 5)).human());
    }

    @Test
    void aReviewersScoreOnTheCurrentAnswerTakesThePlaceOfTheDatasets() {
        RowRatings ratings = new RowRatings(ScoreScheme.DEFAULT, SUPPORT, MAPPING);
        HumanVerdict review = new HumanVerdict(false, "", "ana", Instant.EPOCH, "Within 5 days.", 3);
        assertEquals(3, ratings.rate(judged(0, 5), review).humanScore());
        HumanVerdict onAnother = new HumanVerdict(false, "", "ana", Instant.EPOCH, "Another answer", 1);
        assertEquals(4, ratings.rate(judged(0, 5), onAnother).humanScore());
    }

    @Test
    void unreadableHumanCellsAreNamedByRowAndColumn() {
        List<String> problems = new RowRatings(ScoreScheme.DEFAULT, SUPPORT, MAPPING).problems();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Row 4") && problems.get(0).contains("4.5"), problems.get(0));
        assertTrue(problems.get(1).contains("Row 5") && problems.get(1).contains("off the scale 1-5"), problems.get(1));
    }

    private static RowResult judged(int row, int score) {
        RowInterpreter interpreter = new RowInterpreter(
                ScoreScheme.DEFAULT, new io.arbiter.core.dataset.LabelSet(List.of()), TaskKind.GENERATE);
        RowResult result = interpreter.existingAnswer(RowResult.pending(row, List.of()), SUPPORT.value(row, "answer"));
        result = interpreter.judge(result, StageOutcome.answered("Fine.\nScore: " + score, Usage.NONE));
        assertEquals(score, ((JudgeScore) result.judgement()).score());
        return result;
    }

    @Test
    void anUnreadablePreferenceIsNamedByRowAndColumnAndAReadableOneCounts() {
        Dataset pairs = new Dataset(
                "pairs.csv",
                List.of("q", "a", "b", "pref"),
                List.of(new String[] {"q0", "x", "y", "model_b"}, new String[] {"q1", "x", "y", "A is better"}));
        ColumnMapping mapping = new ColumnMapping(List.of("q"), null, "", "a", Map.of())
                .withTask(TaskKind.GENERATE)
                .withJudgeColumns(JudgeColumns.NONE.withPair("b", "pref"));
        RowRatings ratings = new RowRatings(io.arbiter.core.scheme.PairwiseScheme.DEFAULT, pairs, mapping);
        List<String> problems = ratings.problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(
                problems.get(0).startsWith("Row 2 of pairs.csv: human preference in column 'pref'"), problems.get(0));
        assertTrue(problems.get(0).contains("A is better"), problems.get(0));
        RowResult row = RowResult.pendingPair(0, List.of(), true);
        assertEquals(io.arbiter.core.verdict.Preference.B, ratings.rate(row).humanPreference());
        assertNull(ratings.rate(RowResult.pendingPair(1, List.of(), true)).humanPreference());
    }

    @Test
    void aReviewOfOneAnswerNeverStandsForAPairsPreferenceNorTheOtherWayRound() {
        Dataset pairs = new Dataset(
                "pairs.csv", List.of("q", "a", "b", "pref"), List.<String[]>of(new String[] {"q0", "x", "y", "A"}));
        ColumnMapping mapping = new ColumnMapping(List.of("q"), null, "", "a", Map.of())
                .withTask(TaskKind.GENERATE)
                .withJudgeColumns(JudgeColumns.NONE.withPair("b", "pref"));
        RowRatings ratings = new RowRatings(io.arbiter.core.scheme.PairwiseScheme.DEFAULT, pairs, mapping);
        RowResult row = RowResult.pendingPair(0, List.of(), true);
        RowInterpreter interpreter = new RowInterpreter(
                io.arbiter.core.scheme.PairwiseScheme.DEFAULT, io.arbiter.core.dataset.LabelSet.empty());
        row = interpreter.existingAnswerB(interpreter.existingAnswer(row, "x"), "y");
        // Kept before answers were: its answer is unknown, so it would match any answer.
        HumanVerdict old = new HumanVerdict(false, "", "ann", Instant.EPOCH);
        assertEquals(
                io.arbiter.core.verdict.Preference.A, ratings.rate(row, old).humanPreference(), "the dataset's");

        RowResult single = new RowInterpreter(
                        JudgeSchemes.DEFAULT, io.arbiter.core.dataset.LabelSet.empty(), TaskKind.GENERATE)
                .existingAnswer(RowResult.pending(0, List.of()), "x");
        HumanVerdict preferred =
                HumanVerdict.preferring(io.arbiter.core.verdict.Preference.B, "", "ann", Instant.EPOCH, null);
        RowRatings verdicts = new RowRatings(JudgeSchemes.DEFAULT, pairs, mapping);
        assertEquals(TruthMatch.NOT_SCORED, verdicts.rate(single, preferred).human(), "a preference is no verdict");
    }
}
