package io.arbiter.core.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rubric judge's score: each form the parser reads, its reasoning kept apart, and what stays UNPARSED. */
class ScoreParserTest {

    private final ScoreParser parser = new ScoreParser(ScoreScale.DEFAULT);

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Score: 4|4",
                "score:3|3",
                "**Score:** 5|5",
                "Rating: 2|2",
                "Final score = 1|1",
                "4/5|4",
                "Score: 3/5|3",
                "[[4]]|4",
                "Rating: [[2]]|2",
                "{\"score\": 4, \"reasoning\": \"close\"}|4",
                "{\"score\": \"3\"}|3",
            })
    void readsEachFormTheIssueNames(String output, int expected) {
        JudgeScore score = parser.parse(output);
        assertTrue(score.parsed(), output);
        assertEquals(expected, score.score());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Score: 6",
                "Score: 0",
                "Score: 4.5",
                "Score: 8/10",
                "4/10",
                "[[7]]",
                "I would give it a four.",
                "4",
                "{\"verdict\": \"good\"}",
                "{\"score\": 9}",
            })
    void anythingElseIsUnparsedNeverGuessed(String output) {
        JudgeScore score = parser.parse(output);
        assertFalse(score.parsed(), output);
        assertEquals(output, score.raw());
    }

    @Test
    void theFinalScoreAfterTheReasoningDecidesAndTheReasoningIsKeptApart() {
        JudgeScore score = parser.parse(
                "The answer names the refund window (Score: 2 for tone only).\nIt misses the fee.\nScore: 3");
        assertEquals(3, score.score());
        assertEquals(
                "The answer names the refund window (Score: 2 for tone only).\nIt misses the fee.", score.reasoning());
    }

    @Test
    void aFencedJsonObjectGivesItsOwnReasoning() {
        JudgeScore score = parser.parse(
                "Let me think.\n```json\n{\"score\": 5, \"reasoning\": \"Matches the reference exactly.\"}\n```");
        assertEquals(5, score.score());
        assertEquals("Matches the reference exactly.", score.reasoning());
    }

    @Test
    void aLaterOutOfRangeScoreIsNotRescuedByAnEarlierOne() {
        assertFalse(parser.parse("Score: 4\nOn reflection, Score: 7").parsed());
    }

    @Test
    void emptyOutputIsUnparsed() {
        assertFalse(parser.parse("").parsed());
        assertFalse(parser.parse(null).parsed());
    }

    @Test
    void anotherScaleReadsItsOwnRange() {
        ScoreParser tenPoint = new ScoreParser(ScoreScale.parse("0-10"));
        assertEquals(0, tenPoint.parse("Score: 0").score());
        assertEquals(8, tenPoint.parse("8/10").score());
        assertFalse(tenPoint.parse("4/5").parsed(), "a five-point fraction on a ten-point scale");
    }

    @Test
    void aScaleIsWholeNumbersWithinZeroToTen() {
        assertEquals(new ScoreScale(1, 5), ScoreScale.parse(" 1 - 5 "));
        assertEquals("1 to 5", ScoreScale.DEFAULT.asPromptText());
        assertThrows(IllegalArgumentException.class, () -> ScoreScale.parse("1-11"));
        assertThrows(IllegalArgumentException.class, () -> ScoreScale.parse("5-1"));
        IllegalArgumentException words =
                assertThrows(IllegalArgumentException.class, () -> ScoreScale.parse("one-five"));
        assertTrue(words.getMessage().contains("'one-five'"), words.getMessage());
    }
}
