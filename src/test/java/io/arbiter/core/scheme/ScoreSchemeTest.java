package io.arbiter.core.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.LabelSet;
import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.metrics.ScoredRow;
import io.arbiter.core.metrics.TruthMatch;
import io.arbiter.core.prompt.FewShotExample;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.Evaluation;
import io.arbiter.core.verdict.JudgeScore;
import io.arbiter.core.verdict.Judgement;
import io.arbiter.core.verdict.ScoreScale;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ScoreSchemeTest {

    private static final ScoreScheme ONE_TO_FIVE = ScoreScheme.DEFAULT;

    @Test
    void aRunRecordsTheScaleAndThePassMarkAndReadsThemBack() {
        ScoreScheme scheme = new ScoreScheme(new ScoreScale(0, 10), 6);
        assertEquals("score:0-10:6", scheme.setting());
        assertEquals(scheme, JudgeSchemes.byId("score:0-10:6"));
        assertEquals(new ScoreScheme(new ScoreScale(0, 10), 7), JudgeSchemes.byId("score:0-10"));
        assertSame(ScoreScheme.DEFAULT, JudgeSchemes.byId("score"));
        assertEquals(4, ScoreScheme.DEFAULT.passAt());
    }

    @Test
    void aPassMarkOffTheScaleOrABadSettingIsRefusedWithWhatIsWrong() {
        IllegalArgumentException off =
                assertThrows(IllegalArgumentException.class, () -> new ScoreScheme(ScoreScale.DEFAULT, 6));
        assertTrue(off.getMessage().contains("6") && off.getMessage().contains("1-5"), off.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JudgeSchemes.byId("score:1-5:x"));
        assertThrows(IllegalArgumentException.class, () -> JudgeSchemes.byId("score:5-1:3"));
    }

    @Test
    void theJudgesScorePassesFromThePassMarkUpAndUnparsedOutputNeither() {
        var reader = ONE_TO_FIVE.reader(new LabelSet(List.of()));
        Judgement four = reader.read("Covers the refund steps.\nScore: 4");
        Judgement three = reader.read("Misses the deadline.\nScore: 3");
        Judgement none = reader.read("A fine answer.");
        assertEquals("4", ONE_TO_FIVE.spell(four));
        assertEquals(Evaluation.CORRECT, four.asVerdict().evaluation());
        assertEquals(Evaluation.INCORRECT, three.asVerdict().evaluation());
        assertEquals("UNPARSED", ONE_TO_FIVE.spell(none));
        assertEquals(Evaluation.UNPARSED, none.asVerdict().evaluation());
        assertEquals(java.util.Optional.of(true), ONE_TO_FIVE.passes(four));
        assertTrue(ONE_TO_FIVE.passes(none).isEmpty());
        assertEquals("Covers the refund steps.", ((JudgeScore) four).reasoning());
    }

    @Test
    void aHumanScoreDecidesPassOrFailAtTheSameMarkAndStaysBesideIt() {
        ScoredRow row = new ScoredRow(
                List.of(),
                BaseAnswer.freeText("Refunds take 5 days."),
                scored(4).asVerdict(),
                false,
                4);
        RatedRow passing = ONE_TO_FIVE.rate(row, TruthMatch.NOT_SCORED, OptionalInt.of(4));
        RatedRow failing = ONE_TO_FIVE.rate(row, TruthMatch.RIGHT, OptionalInt.of(3));
        RatedRow byVerdict = ONE_TO_FIVE.rate(row, TruthMatch.WRONG, OptionalInt.empty());
        assertEquals(TruthMatch.RIGHT, passing.human());
        assertEquals(4, passing.humanScore());
        assertEquals(TruthMatch.WRONG, failing.human(), "the score outweighs a verdict given beside it");
        assertEquals(TruthMatch.WRONG, byVerdict.human());
        assertNull(byVerdict.humanScore());
    }

    @Test
    void theExportShowsTheScoreEmptyWhenUnparsedAndWhetherItPasses() {
        assertEquals(List.of("judge_score", "judge_pass"), ONE_TO_FIVE.exportColumns());
        assertEquals(List.of("4", "pass"), ONE_TO_FIVE.exportCells(List.of(), scored(4)));
        assertEquals(List.of("2", "fail"), ONE_TO_FIVE.exportCells(List.of(), scored(2)));
        assertEquals(List.of("", ""), ONE_TO_FIVE.exportCells(List.of(), JudgeScore.unparsed("nice")));
    }

    @Test
    void aReviewerScoresWithTheDigitKeysOfTheScale() {
        List<ReviewMark> marks = ONE_TO_FIVE.reviewMarks();
        assertEquals(
                List.of("1", "2", "3", "4", "5"),
                marks.stream().map(ReviewMark::key).toList());
        assertFalse(marks.get(2).baseRight());
        assertTrue(marks.get(3).baseRight());
        assertEquals(5, marks.get(4).score());
        List<ReviewMark> tens = new ScoreScheme(new ScoreScale(1, 10), 7).reviewMarks();
        assertEquals(10, tens.size());
        assertEquals(new ReviewMark("0", "score 10", true, 10), tens.get(9));
    }

    @Test
    void aPromotedRowShowsTheJudgeTheReviewersScoreInTheSchemesOwnFormat() {
        HumanVerdict scoredTwo = new HumanVerdict(false, "", "ana", Instant.EPOCH, "answer", 2);
        FewShotExample example =
                ONE_TO_FIVE.example(7, List.of(), BaseAnswer.freeText("answer"), scored(4), scoredTwo, "answer");
        assertEquals("Score: 2", ONE_TO_FIVE.exampleAnswer(example));
        assertFalse(example.baseRight());
        HumanVerdict right = new HumanVerdict(true, "", "ana", Instant.EPOCH, "answer");
        assertEquals(
                "Score: 4", ONE_TO_FIVE.exampleAnswer(ONE_TO_FIVE.example(7, List.of(), null, null, right, "answer")));
    }

    @Test
    void theJudgePromptGetsTheScaleInWords() {
        assertEquals(Map.of("scale", "1 to 5"), ONE_TO_FIVE.promptValues());
        assertTrue(ONE_TO_FIVE.placeholders().contains("scale"));
    }

    private static JudgeScore scored(int score) {
        return JudgeScore.of("Score: " + score, score, "", 4);
    }

    @Test
    void theJudgeIsAskedForItsReasoningThenAWholeScoreOnTheScale() {
        var schema = new ScoreScheme(new ScoreScale(0, 10), 7)
                .outputSchema()
                .orElseThrow()
                .schema();
        assertEquals(
                List.of("reasoning", "score"),
                List.of(
                        schema.get("required").get(0).asText(),
                        schema.get("required").get(1).asText()));
        assertEquals(
                "integer", schema.get("properties").get("score").get("type").asText());
        assertEquals(10, schema.get("properties").get("score").get("maximum").asInt());
        var reader = ONE_TO_FIVE.reader(new LabelSet(List.of()));
        JudgeScore structured = (JudgeScore) reader.read("{\"reasoning\": \"Misses the fee.\", \"score\": 3}");
        assertEquals(3, structured.score());
        assertEquals("Misses the fee.", structured.reasoning());
    }
}
